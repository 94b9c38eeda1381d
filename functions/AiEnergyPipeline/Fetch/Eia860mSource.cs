using System.Globalization;
using System.Net;
using AiEnergyPipeline.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// EIA-860M, the monthly generator inventory: one workbook a month. EIA publishes a month one to
/// two months late, answers a month it does not have with 404 or with an HTML page and status 200,
/// and moves older months to an archive folder; so the newest workbook is found by trying the
/// current month and going back, each month at its current and its archive address.
/// </summary>
public sealed partial class Eia860mSource(
    HttpClient http,
    IOptions<Eia860mOptions> options,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger<Eia860mSource> logger) : ISource
{
    public const string SourceName = "eia860m";

    public string Name => SourceName;

    public IReadOnlyList<SourceEndpoint> Endpoints =>
        [new(SourceEndpoint.SettingOf(Eia860mOptions.Section, nameof(Eia860mOptions.Url)), redactor.RedactUrl(options.Value.Url))];

    public SourceCitation Citation { get; } = new("EIA-860M Monthly Update to the Annual Electric Generator Report (Preliminary Monthly Electric Generator Inventory)", Publish.Licences.EiaPublicDomain);

    public async Task<IReadOnlyList<FetchedFile>> FetchAsync(RawArchive archive, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var fetcher = new HttpFileFetcher(http, redactor, time);
        var tried = new List<string>();
        foreach (var month in CandidateMonths(settings, time.GetUtcNow()))
        {
            var fileName = FileName(month);
            foreach (var url in WorkbookUrls(settings.Url, month))
            {
                LogTrying(url);
                try
                {
                    var file = await fetcher.FetchAsync(Name, url, fileName, "xlsx", archive, cancellationToken, HeadChecks.IsXlsx);
                    LogFetched(fileName, file.Bytes, file.AlreadyArchived);
                    return [file];
                }
                catch (SourceException e) when (e.StatusCode == HttpStatusCode.NotFound || e.RejectedByHeadCheck)
                {
                    // Only "not there" and "not a workbook" mean the month is not published (here);
                    // any other failure (5xx after retries, time-outs) fails the source.
                    var miss = e.StatusCode == HttpStatusCode.NotFound ? "HTTP 404" : e.Cause;
                    LogMiss(url, miss);
                    tried.Add($"{url} ({miss})");
                }
            }
        }

        throw new SourceException(Name, null, $"no EIA-860M workbook found; tried {string.Join(", ", tried)}.");
    }

    /// <summary>The month found, pinned: a replay asks for it rather than searching back from its own today.</summary>
    public IReadOnlyDictionary<string, string> ReplaySettings(IReadOnlyList<FetchedFile> files)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file.FileName);
            var cut = name.IndexOf("_generator", StringComparison.Ordinal);
            if (cut > 0 && DateTime.TryParseExact($"{name[..cut]} {name[(cut + "_generator".Length)..]}", "MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                settings[$"{Eia860mOptions.Section}:{nameof(Eia860mOptions.Month)}"] = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            }
        }

        return settings;
    }

    /// <summary>The workbook's name for a month, such as august_generator2026.xlsx.</summary>
    public static string FileName(DateOnly month) =>
        $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month.Month).ToLowerInvariant()}_generator{month.Year.ToString(CultureInfo.InvariantCulture)}.xlsx";

    /// <summary>Where a month's workbook may be: first where new months are published, then the archive.</summary>
    public static IReadOnlyList<Uri> WorkbookUrls(Uri root, DateOnly month)
    {
        // A base without its final slash would lose its last segment when combined.
        var folder = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        var fileName = FileName(month);
        return [new Uri(folder, "xls/" + fileName), new Uri(folder, "archive/xls/" + fileName)];
    }

    /// <summary>The pinned month, else the current month (UTC) and each month before it, <see cref="Eia860mOptions.MonthsBack"/> of them.</summary>
    public static IReadOnlyList<DateOnly> CandidateMonths(Eia860mOptions settings, DateTimeOffset now)
    {
        if (Settings.ValueOrNull(settings.Month) is { } pinned)
        {
            return DateOnly.TryParseExact(pinned.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
                ? [month]
                : throw new SourceException(SourceName, null, $"the setting {Eia860mOptions.Section}:{nameof(Eia860mOptions.Month)} '{pinned}' is not a month such as 2026-08.");
        }

        if (settings.MonthsBack < 0)
        {
            throw new SourceException(SourceName, null, $"the setting {Eia860mOptions.Section}:{nameof(Eia860mOptions.MonthsBack)} is {settings.MonthsBack}; it must be 0 or more.");
        }

        var current = new DateOnly(now.UtcDateTime.Year, now.UtcDateTime.Month, 1);
        return Enumerable.Range(0, settings.MonthsBack + 1).Select(i => current.AddMonths(-i)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "eia860m: trying {Url}")]
    private partial void LogTrying(Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "eia860m: no workbook at {Url}: {Reason}; trying the next address")]
    private partial void LogMiss(Uri url, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "eia860m: {File}: {Bytes} bytes, already archived: {AlreadyArchived}")]
    private partial void LogFetched(string file, long bytes, bool alreadyArchived);
}
