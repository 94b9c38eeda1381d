using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using System.Text;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// What the last successful download of one file of a source returned: its validators (ETag,
/// Last-Modified), which make the next request conditional, and where its bytes are archived,
/// which a 304 Not Modified reuses. Kept in the store at <c>state/fetch/{source}/{file}.json</c>.
/// </summary>
/// <param name="Url">
/// The URL with any secret removed: a file fetched from elsewhere is not reused. A sample file's
/// place in its snapshot instead, never the real URL it imitates (so a sample is never asked for
/// conditionally: it is small, and read whole each time). What a sample imitates is not kept
/// here either: <see cref="SampleCatalogue"/> reads it from the snapshot when a run is published.
/// </param>
/// <param name="FetchedAtUtc">When the file was fetched; null for a file that was not (a sample, a replayed recording): no time that says it was.</param>
public sealed record FetchState(
    string Source,
    string FileName,
    string Url,
    string? Etag,
    string? LastModified,
    long Bytes,
    string Sha256,
    string RawPath,
    DateTimeOffset? FetchedAtUtc,
    InputOrigin Origin = InputOrigin.Fetched,
    DateTimeOffset? RecordedAtUtc = null)
{
    /// <summary>The store folder of every source file's fetch state.</summary>
    public const string Folder = "state/fetch/";

    public static string PathOf(string source, string fileName) => $"{Folder}{Segment(source)}/{Segment(fileName)}.json";

    /// <summary>The last successful fetch of a file, or null when there is none (or it cannot be read: then the file is fetched whole).</summary>
    public static async Task<FetchState?> ReadAsync(IDatasetStore store, string source, string fileName, CancellationToken cancellationToken)
    {
        await using var opened = await store.OpenReadAsync(PathOf(source, fileName), cancellationToken);
        if (opened is null)
        {
            return null;
        }

        try
        {
            return await PublishedJson.DeserializeAsync<FetchState>(opened.Content, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async Task WriteAsync(IDatasetStore store, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(PublishedJson.Serialize(this));
        await store.WriteAsync(PathOf(Source, FileName), content, WriteCondition.None, new StoreWriteOptions(ContentTypes.Json), cancellationToken);
    }

    /// <summary>
    /// The file as fetched, from this state: its bytes to be copied from the raw archive to
    /// <paramref name="localPath"/> when needed. A file that was not fetched carries the epoch as
    /// its time, which nothing publishes (a data package gives a fetch time to fetched files only).
    /// </summary>
    public FetchedFile ToFetchedFile(string localPath) =>
        new(Source, FileName, RawPath, Sha256, Bytes, Url, FetchedAtUtc ?? DateTimeOffset.UnixEpoch, Etag, LastModified, localPath, AlreadyArchived: true, NotModified: true, Origin, RecordedAtUtc: RecordedAtUtc);

    public static FetchState Of(FetchedFile file) =>
        new(file.Source, file.FileName, file.Url, file.ETag, file.LastModified, file.Bytes, file.Sha256, file.RawPath, file.Origin == InputOrigin.Fetched ? file.FetchedAtUtc : null, file.Origin, file.RecordedAtUtc);

    /// <summary>A file name as a store path segment: letters, digits, '.', '_' and '-', not starting with '.'.</summary>
    public static string Segment(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        if (text.Length == 0 || text[0] == '.')
        {
            text.Insert(0, '_');
        }

        return text.Length > 200 ? text.ToString(0, 200) : text.ToString();
    }
}
