using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Sources.Curated;

/// <summary>
/// The project's curated files (demand scenarios, assumptions, technology classes): every file of
/// the curated folder, in order of name, archived like any fetched file so that the run's inputs
/// hash and provenance cover them. No HTTP: they ship with the program, so a live run and an
/// offline run read the same bytes.
/// </summary>
public sealed partial class CuratedSource(
    IOptions<CuratedOptions> options,
    TimeProvider time,
    ILogger<CuratedSource> logger) : ISource
{
    public const string SourceName = SourceNames.Curated;

    /// <summary>The scheme of the provenance URL: the file's place in this repository.</summary>
    public const string UrlPrefix = "repo:curated/";

    public string Name => SourceName;

    public IReadOnlyList<SourceEndpoint> Endpoints =>
        [new(SourceEndpoint.SettingOf(CuratedOptions.Section, nameof(CuratedOptions.Path)), Settings.ValueOrNull(options.Value.Path) ?? CuratedOptions.DefaultPath)];

    public SourceCitation Citation { get; } = new("AiEnergyPipeline curated scenarios and assumptions", Licences.Curated);

    public async Task<IReadOnlyList<FetchedFile>> FetchAsync(RawArchive archive, CancellationToken cancellationToken)
    {
        var folder = Settings.ValueOrNull(options.Value.Path) ?? CuratedOptions.DefaultPath;
        if (!Directory.Exists(folder))
        {
            throw new SourceException(Name, null, $"the curated folder {folder} does not exist (setting {CuratedOptions.Section}:Path).");
        }

        // Dot-files are editor and OS litter, not data; everything else is archived, so that a
        // file another part of the pipeline adds is covered without a change here.
        var names = Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => !n.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            throw new SourceException(Name, null, $"the curated folder {folder} holds no files.");
        }

        var files = new List<FetchedFile>(names.Count);
        foreach (var name in names)
        {
            files.Add(await ArchiveAsync(Path.Combine(folder, name), name, archive, cancellationToken));
        }

        return files;
    }

    private async Task<FetchedFile> ArchiveAsync(string path, string name, RawArchive archive, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(name).TrimStart('.').ToLowerInvariant();
        try
        {
            await using var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            var file = await archive.ArchiveAsync(Name, name, extension.Length > 0 ? extension : "bin", content, new SourceProvenance(UrlPrefix + name, time.GetUtcNow(), Origin: InputOrigin.Curated), cancellationToken);
            LogArchived(name, file.Bytes, file.AlreadyArchived);
            return file;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceException(Name, name, $"cannot be read: {e.Message}", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "curated: {File}: {Bytes} bytes, already archived: {AlreadyArchived}")]
    private partial void LogArchived(string file, long bytes, bool alreadyArchived);
}
