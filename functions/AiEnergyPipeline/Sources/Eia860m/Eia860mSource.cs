using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Globalization;
using System.Net;

namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// EIA-860M, the monthly generator inventory: one workbook a month, each a partition (a vintage,
/// see <see cref="Eia860mVintages"/>) fetched conditionally and cached by content, as the EIA-930
/// BALANCE files are. EIA publishes a month one to two months late, answers a month it does not
/// have with 404 or with an HTML page and status 200, and moves older months to an archive folder;
/// so the newest workbook is found by trying the current month and going back, and each month is
/// tried at its current and its archive address.
/// </summary>
public sealed partial class Eia860mSource(
    HttpClient http,
    IOptions<Eia860mOptions> options,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger<Eia860mSource> logger) : IPartitionedSource
{
    public const string SourceName = SourceNames.Eia860m;

    public string Name => SourceName;

    public IReadOnlyList<SourceEndpoint> Endpoints =>
        [new(SourceEndpoint.SettingOf(Eia860mOptions.Section, nameof(Eia860mOptions.Url)), redactor.RedactUrl(options.Value.Url))];

    public SourceCitation Citation { get; } = new("EIA-860M Monthly Update to the Annual Electric Generator Report (Preliminary Monthly Electric Generator Inventory)", Licences.EiaPublicDomain, Licences.Sample("EIA-860M", "EIA"));

    /// <summary>Every planned vintage, fetched in month order (the partitioned pipeline fetches them one partition at a time instead).</summary>
    public Task<IReadOnlyList<FetchedFile>> FetchAsync(RawArchive archive, CancellationToken cancellationToken) =>
        PartitionedSources.FetchEachAsync(this, archive, cancellationToken);

    /// <summary>The configured vintages, or the default set around the newest month (pinned, or found by searching back: a conditional fetch).</summary>
    public async Task<IReadOnlyList<string>> PlanAsync(RawArchive archive, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var months = Eia860mVintages.Configured(settings) ?? Eia860mVintages.Default(settings, await NewestMonthAsync(settings, archive, cancellationToken));
        return months.Select(Eia860mVintages.PartitionOf).ToList();
    }

    /// <summary>No list file: the plan comes from settings and the workbooks themselves, whose provenance the partitions carry.</summary>
    public Task<IReadOnlyList<FetchedFile>> PlanInputsAsync(RawArchive archive, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FetchedFile>>([]);

    public string FileNameOf(string partition) =>
        Eia860mVintages.MonthOf(partition) is { } month
            ? FileName(month)
            : throw new ArgumentException($"'{partition}' is not a partition of {Name} (a month such as 2024-01).", nameof(partition));

    public async Task<FetchedFile> FetchPartitionAsync(string partition, RawArchive archive, CancellationToken cancellationToken)
    {
        _ = FileNameOf(partition);
        var tried = new List<string>();
        return await TryFetchMonthAsync(Eia860mVintages.MonthOf(partition)!.Value, archive, tried, cancellationToken)
            ?? throw new SourceException(Name, FileNameOf(partition), $"no EIA-860M workbook for vintage {partition}; tried {string.Join(", ", tried)}.");
    }

    /// <summary>The months found, pinned: a replay asks for exactly these vintages rather than searching back from its own today.</summary>
    public IReadOnlyDictionary<string, string> ReplaySettings(IReadOnlyList<FetchedFile> files)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var months = files.Select(f => MonthOfFileName(f.FileName)).OfType<DateOnly>().Distinct().Order().ToList();
        for (var i = 0; i < months.Count; i++)
        {
            settings[$"{Eia860mOptions.Section}:{nameof(Eia860mOptions.Vintages)}:{i}"] = Eia860mVintages.PartitionOf(months[i]);
        }

        if (months.Count > 0)
        {
            settings[$"{Eia860mOptions.Section}:{nameof(Eia860mOptions.Month)}"] = Eia860mVintages.PartitionOf(months[^1]);
        }

        return settings;
    }

    /// <summary>The workbook's name for a month, such as august_generator2026.xlsx.</summary>
    public static string FileName(DateOnly month) =>
        $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month.Month).ToLowerInvariant()}_generator{month.Year.ToString(CultureInfo.InvariantCulture)}.xlsx";

    /// <summary>The month of a workbook name such as august_generator2026.xlsx, or null.</summary>
    public static DateOnly? MonthOfFileName(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName);
        var cut = name.IndexOf("_generator", StringComparison.Ordinal);
        return cut > 0 && DateTime.TryParseExact($"{name[..cut]} {name[(cut + "_generator".Length)..]}", "MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? DateOnly.FromDateTime(month)
            : null;
    }

    /// <summary>
    /// Where a month's workbook may be: first where new months are published, then the archive; the
    /// archive first for a month over a year before <paramref name="now"/>, which EIA has moved there,
    /// so that the history of vintages costs one request each rather than a 404 and then one.
    /// </summary>
    public static IReadOnlyList<Uri> WorkbookUrls(Uri root, DateOnly month, DateTimeOffset? now = null)
    {
        // A base without its final slash would lose its last segment when combined.
        var folder = root.AbsoluteUri.EndsWith('/') ? root : new Uri(root.AbsoluteUri + "/");
        var fileName = FileName(month);
        Uri current = new(folder, "xls/" + fileName), archive = new(folder, "archive/xls/" + fileName);
        var archived = now is { } today && month < new DateOnly(today.UtcDateTime.Year, today.UtcDateTime.Month, 1).AddMonths(-ArchivedAfterMonths);
        return archived ? [archive, current] : [current, archive];
    }

    /// <summary>Months after which a workbook is looked for in the archive first.</summary>
    public const int ArchivedAfterMonths = 12;

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

    /// <summary>The pinned month without a request, else the newest month whose workbook answers.</summary>
    private async Task<DateOnly> NewestMonthAsync(Eia860mOptions settings, RawArchive archive, CancellationToken cancellationToken)
    {
        var candidates = CandidateMonths(settings, time.GetUtcNow());
        if (Settings.ValueOrNull(settings.Month) is not null)
        {
            return candidates[0];
        }

        var tried = new List<string>();
        foreach (var month in candidates)
        {
            if (await TryFetchMonthAsync(month, archive, tried, cancellationToken) is not null)
            {
                return month;
            }
        }

        throw new SourceException(Name, null, $"no EIA-860M workbook found; tried {string.Join(", ", tried)}.");
    }

    /// <summary>A month's workbook from the first address that has it (conditionally: unchanged bytes are not downloaded), or null when none has.</summary>
    private async Task<FetchedFile?> TryFetchMonthAsync(DateOnly month, RawArchive archive, List<string> tried, CancellationToken cancellationToken)
    {
        var fetcher = new HttpFileFetcher(http, redactor, time);
        var fileName = FileName(month);
        foreach (var url in WorkbookUrls(options.Value.Url, month, time.GetUtcNow()))
        {
            LogTrying(url);
            try
            {
                var file = await fetcher.FetchAsync(Name, url, fileName, "xlsx", archive, cancellationToken, HeadChecks.IsXlsx);
                LogFetched(fileName, file.Bytes, file.Outcome);
                return file;
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

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "eia860m: trying {Url}")]
    private partial void LogTrying(Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "eia860m: no workbook at {Url}: {Reason}; trying the next address")]
    private partial void LogMiss(Uri url, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "eia860m: {File}: {Bytes} bytes, {Outcome}")]
    private partial void LogFetched(string file, long bytes, string outcome);
}
