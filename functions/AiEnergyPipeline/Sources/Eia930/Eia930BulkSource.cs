using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// EIA-930 six-month BALANCE CSV files (no key), one partition per file: the file list
/// (<c>EIA930_File_List_Meta.csv</c>) says which exist, from <see cref="Eia930BulkOptions.FromYear"/>
/// on, unless <see cref="Eia930BulkOptions.Files"/> names them. Every request is conditional on the
/// last fetch of the same file, and each file is streamed straight into the raw archive: they run
/// to 50-100 MB, and none is held in memory.
/// </summary>
public sealed partial class Eia930BulkSource(
    HttpClient http,
    IOptions<Eia930BulkOptions> options,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger<Eia930BulkSource> logger,
    IOptions<SourceLimitsOptions>? limits = null) : IPartitionedSource
{
    public const string SourceName = SourceNames.Eia930Bulk;

    public string Name => SourceName;

    public IReadOnlyList<SourceEndpoint> Endpoints =>
        [new(SourceEndpoint.SettingOf(Eia930BulkOptions.Section, nameof(Eia930BulkOptions.Url)), redactor.RedactUrl(options.Value.Url))];

    public SourceCitation Citation { get; } = new("EIA-930 Hourly Electric Grid Monitor, six-month BALANCE files", Licences.EiaPublicDomain, Licences.Sample("EIA-930", "EIA"));

    /// <summary>Every planned file, fetched in order (the partitioned pipeline fetches them one partition at a time instead).</summary>
    public Task<IReadOnlyList<FetchedFile>> FetchAsync(RawArchive archive, CancellationToken cancellationToken) =>
        PartitionedSources.FetchEachAsync(this, archive, cancellationToken);

    public async Task<IReadOnlyList<string>> PlanAsync(RawArchive archive, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Files.Length > 0)
        {
            return settings.Files.Select(name => BalanceHalfYear.FromFileName(name)?.PartitionName
                    ?? throw new SourceException(Name, null, $"the setting {Eia930BulkOptions.Section}:{nameof(Eia930BulkOptions.Files)} names '{name}', which is not a six-month BALANCE file such as EIA930_BALANCE_2024_Jan_Jun.csv."))
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        var list = await new HttpFileFetcher(http, redactor, time).FetchAsync(Name, new Uri(Folder(settings.Url), Eia930FileList.FileName), Eia930FileList.FileName, "csv", archive, cancellationToken, HeadChecks.NotEmptyOrHtml);
        LogFileList(list.NotModified ? "not modified" : $"{list.Bytes} bytes");
        await using var content = await OpenSeekableAsync(list, archive, cancellationToken);
        var (files, skipped) = Eia930FileList.Read(content, Name, limits?.Value);
        foreach (var reason in skipped)
        {
            LogSkipped(reason);
        }

        var planned = files.Where(f => f.Year >= settings.FromYear).Select(f => f.PartitionName).ToList();
        if (planned.Count == 0)
        {
            throw new SourceException(Name, Eia930FileList.FileName, $"the list names no BALANCE file from {settings.FromYear} on ({files.Count} BALANCE files in all).");
        }

        return planned;
    }

    public async Task<IReadOnlyList<FetchedFile>> PlanInputsAsync(RawArchive archive, CancellationToken cancellationToken)
    {
        if (options.Value.Files.Length > 0)
        {
            return [];
        }

        var state = await FetchState.ReadAsync(archive.Store, Name, Eia930FileList.FileName, cancellationToken)
            ?? throw new SourceException(Name, Eia930FileList.FileName, "the file list has not been fetched: plan the run first.");
        return [state.ToFetchedFile(archive.NewLocalPath(Name, "csv"))];
    }

    public string FileNameOf(string partition) =>
        BalanceHalfYear.FromPartitionName(partition)?.FileName
        ?? throw new ArgumentException($"'{partition}' is not a partition of {Name} (such as 2024_h1).", nameof(partition));

    public async Task<FetchedFile> FetchPartitionAsync(string partition, RawArchive archive, CancellationToken cancellationToken)
    {
        var name = FileNameOf(partition);
        LogFetching(name);
        var file = await new HttpFileFetcher(http, redactor, time).FetchAsync(Name, new Uri(Folder(options.Value.Url), Uri.EscapeDataString(name)), name, "csv", archive, cancellationToken, HeadChecks.NotEmptyOrHtml);
        LogFetched(name, file.Bytes, file.Outcome);
        return file;
    }

    /// <summary>The BALANCE file that holds <paramref name="now"/>, such as EIA930_BALANCE_2026_Jul_Dec.csv.</summary>
    public static string CurrentHalfYearFile(DateTimeOffset now) =>
        new BalanceHalfYear(now.UtcDateTime.Year, now.UtcDateTime.Month <= 6 ? 1 : 2).FileName;

    // A base without its final slash would lose its last segment when combined.
    private static Uri Folder(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    /// <summary>The list's bytes to read: the local download, or (after a 304) the archived copy, which is small.</summary>
    private static async Task<Stream> OpenSeekableAsync(FetchedFile file, RawArchive archive, CancellationToken cancellationToken)
    {
        if (File.Exists(file.LocalPath))
        {
            return File.OpenRead(file.LocalPath);
        }

        await using var opened = await archive.Store.OpenReadAsync(file.RawPath, cancellationToken)
            ?? throw new SourceException(file.Source, file.FileName, $"the archived bytes {file.RawPath} are missing from the store.");
        var memory = new MemoryStream();
        await opened.Content.CopyToAsync(memory, cancellationToken);
        memory.Position = 0;
        return memory;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "eia930_bulk: file list: {What}")]
    private partial void LogFileList(string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "eia930_bulk: file list: skipped {Reason}")]
    private partial void LogSkipped(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "eia930_bulk: fetching {File}")]
    private partial void LogFetching(string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "eia930_bulk: {File}: {Bytes} bytes, {Outcome}")]
    private partial void LogFetched(string file, long bytes, string outcome);
}
