using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// EIA-930 six-month BALANCE CSV files (no key). Each file is streamed straight into the raw
/// archive: they run to 50-100 MB, and none is held in memory.
/// </summary>
public sealed partial class Eia930BulkSource(
    HttpClient http,
    IOptions<Eia930BulkOptions> options,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger<Eia930BulkSource> logger) : ISource
{
    public const string SourceName = "eia930_bulk";

    public string Name => SourceName;

    public IReadOnlyList<SourceEndpoint> Endpoints =>
        [new(SourceEndpoint.SettingOf(Eia930BulkOptions.Section, nameof(Eia930BulkOptions.Url)), redactor.RedactUrl(options.Value.Url))];

    public SourceCitation Citation { get; } = new("EIA-930 Hourly Electric Grid Monitor, six-month BALANCE files", Publish.Licences.EiaPublicDomain);

    public async Task<IReadOnlyList<FetchedFile>> FetchAsync(RawArchive archive, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var names = settings.Files.Length > 0 ? settings.Files : [CurrentHalfYearFile(time.GetUtcNow())];
        var files = new List<FetchedFile>();
        foreach (var name in names)
        {
            files.Add(await FetchFileAsync(new Uri(settings.Url, Uri.EscapeDataString(name)), name, archive, cancellationToken));
        }

        return files;
    }

    /// <summary>The BALANCE file that holds <paramref name="now"/>, such as EIA930_BALANCE_2026_Jul_Dec.csv.</summary>
    public static string CurrentHalfYearFile(DateTimeOffset now) =>
        $"EIA930_BALANCE_{now.UtcDateTime.Year}_{(now.UtcDateTime.Month <= 6 ? "Jan_Jun" : "Jul_Dec")}.csv";

    private async Task<FetchedFile> FetchFileAsync(Uri url, string name, RawArchive archive, CancellationToken cancellationToken)
    {
        LogFetching(name);
        var file = await new HttpFileFetcher(http, redactor, time).FetchAsync(Name, url, name, "csv", archive, cancellationToken, HeadChecks.NotEmptyOrHtml);
        LogFetched(name, file.Bytes, file.AlreadyArchived);
        return file;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "eia930_bulk: fetching {File}")]
    private partial void LogFetching(string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "eia930_bulk: {File}: {Bytes} bytes, already archived: {AlreadyArchived}")]
    private partial void LogFetched(string file, long bytes, bool alreadyArchived);
}
