using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Pipeline.Recording;

/// <summary>
/// Writes fetched files into a snapshot folder, one folder per source, and keeps the route of
/// each: the URL it came from (secrets removed; the API key is not part of the match), its
/// validators and the time it was fetched.
/// </summary>
internal sealed class SnapshotWriter(string folder)
{
    private const string SecretParameter = "api_key";
    private readonly List<SnapshotRoute> _routes = [];
    private readonly HashSet<string> _files = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<SnapshotRoute> Routes => _routes;

    public long Bytes { get; private set; }

    /// <summary>Copies the archived bytes of <paramref name="file"/> into the snapshot and adds its route.</summary>
    public async Task AddAsync(IDatasetStore store, FetchedFile file, CancellationToken cancellationToken)
    {
        var url = new Uri(file.Url);
        var relative = UniqueName(file.Source, FetchState.Segment(file.FileName));
        var path = Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var opened = await store.OpenReadAsync(file.RawPath, cancellationToken)
            ?? throw new SourceException(file.Source, file.FileName, $"the archived bytes {file.RawPath} are missing."))
        {
            await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            await opened.Content.CopyToAsync(output, cancellationToken);
        }

        var query = Snapshot.ParseQuery(url.Query);
        query.Remove(SecretParameter);
        _routes.Add(new SnapshotRoute(
            url.GetLeftPart(UriPartial.Path),
            query,
            relative,
            RecordedAt: file.FetchedAtUtc,
            ETag: file.ETag,
            LastModified: file.LastModified,
            ContentType: ContentTypes.ForExtension(Path.GetExtension(file.FileName))));
        Bytes += file.Bytes;
    }

    private string UniqueName(string source, string fileName)
    {
        var name = $"{FetchState.Segment(source)}/{fileName}";
        for (var i = 2; !_files.Add(name); i++)
        {
            name = $"{FetchState.Segment(source)}/{Path.GetFileNameWithoutExtension(fileName)}-{i}{Path.GetExtension(fileName)}";
        }

        return name;
    }
}
