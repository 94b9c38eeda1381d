using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// EIA-930 hourly data by balancing authority through EIA API v2 (<c>electricity/rto/region-data</c>).
/// Pages with offset and length until the response's total is read, always sorted so that pages
/// neither repeat nor skip rows. Each page is archived after the API key in its request echo is
/// masked; a page holds at most <see cref="Eia930ApiOptions.PageLength"/> rows, so memory is bounded.
/// </summary>
public sealed partial class Eia930ApiSource(
    HttpClient http,
    IOptions<Eia930ApiOptions> options,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger<Eia930ApiSource> logger) : ISource
{
    public const string SourceName = "eia930_api";

    public string Name => SourceName;

    public IReadOnlyList<SourceEndpoint> Endpoints =>
    [
        new(SourceEndpoint.SettingOf(Eia930ApiOptions.Section, nameof(Eia930ApiOptions.Url)), redactor.RedactUrl(options.Value.Url)),
        // The key itself never shows: only whether one is set.
        new(Eia930ApiOptions.ApiKeySetting, string.IsNullOrWhiteSpace(options.Value.ApiKey) ? "(not set)" : SecretRedactor.Mask),
    ];

    public SourceCitation Citation { get; } = new("EIA-930 Hourly Electric Grid Monitor, EIA API v2 electricity/rto/region-data", Licences.EiaPublicDomain);

    public async Task<IReadOnlyList<FetchedFile>> FetchAsync(RawArchive archive, CancellationToken cancellationToken) =>
        (await FetchEachAsync(archive, cancellationToken)).Files;

    /// <summary>
    /// Every page of the window. An API that stops with an empty page before its own total has
    /// given part of the window: the rows read are used, and the rest is a <see cref="FileFailure"/>,
    /// so that report.json says the source is partial rather than succeeded.
    /// </summary>
    public async Task<SourceFetch> FetchEachAsync(RawArchive archive, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            throw new SourceException(Name, null, "no API key: set EIA_API_KEY (free from https://www.eia.gov/opendata/register.php).");
        }

        var (start, end) = Window(settings);
        var files = new List<FetchedFile>();
        long offset = 0;
        long? total = null;
        for (var page = 1; page <= settings.MaxPages; page++)
        {
            var url = PageUrl(settings, start, end, offset);
            var fileName = $"region-data_{start}_{end}_offset{offset}.json";
            var (bytes, provenance) = await GetPageAsync(url, fileName, settings, cancellationToken);
            var (pageTotal, rows) = ReadPageShape(bytes, fileName);
            total = pageTotal;
            files.Add(await archive.ArchiveAsync(Name, fileName, "json", new MemoryStream(bytes), provenance, cancellationToken));
            offset += rows;
            LogPage(page, offset, total.Value);
            if (rows == 0 || offset >= total)
            {
                if (offset >= total)
                {
                    return new SourceFetch(files, []);
                }

                LogShortRead(offset, total.Value);
                var missing = $"rows {offset + 1} to {total} of the {total} the API counts for {start} to {end}";
                return new SourceFetch(files, [new FileFailure(
                    fileName, $"{Eia930ApiOptions.Section}:{nameof(Eia930ApiOptions.Url)}", redactor.RedactUrl(url), missing, FailureStage.Fetch,
                    $"{Name}: {fileName}: the API answered an empty page after {offset} of the {total} rows it counts: the window is read in part")]);
            }
        }

        throw new SourceException(Name, null, $"stopped after {settings.MaxPages} pages with {offset} of {total} rows read (Sources:Eia930Api:MaxPages).");
    }

    /// <summary>
    /// The window fetched, pinned (a default window ends at the hour the recording ran), and a key
    /// that is no secret: a replay needs one to start, and the recording holds none.
    /// </summary>
    public IReadOnlyDictionary<string, string> ReplaySettings(IReadOnlyList<FetchedFile> files)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [$"{Eia930ApiOptions.Section}:{nameof(Eia930ApiOptions.ApiKey)}"] = ReplayApiKey,
        };

        // From the pages' own URLs: the window this fetch asked for, whatever the clock says now.
        if (files.Count > 0 && Uri.TryCreate(files[0].Url, UriKind.Absolute, out var url))
        {
            var query = Snapshot.ParseQuery(url.Query);
            foreach (var key in new[] { nameof(Eia930ApiOptions.Start), nameof(Eia930ApiOptions.End) })
            {
                if (query.TryGetValue(key.ToLowerInvariant(), out var hour))
                {
                    settings[$"{Eia930ApiOptions.Section}:{key}"] = hour;
                }
            }
        }

        return settings;
    }

    /// <summary>The API key a replay runs with: the recorded answers need none.</summary>
    public const string ReplayApiKey = "recorded-no-key-needed";

    private (string Start, string End) Window(Eia930ApiOptions settings)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var endHour = Settings.ValueOrNull(settings.End) ?? FormatHour(new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc));
        var startHour = Settings.ValueOrNull(settings.Start) ?? FormatHour(ParseHour(endHour).AddDays(-settings.Days));
        return (startHour, endHour);

        static string FormatHour(DateTime t) => t.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);
        static DateTime ParseHour(string s) => DateTime.ParseExact(s, "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    private static Uri PageUrl(Eia930ApiOptions settings, string start, string end, long offset)
    {
        var query = new StringBuilder();
        void Add(string key, string value) => query.Append(query.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
        Add("api_key", settings.ApiKey!);
        Add("frequency", "hourly");
        Add("data[0]", "value");
        foreach (var respondent in settings.Respondents)
        {
            Add("facets[respondent][]", respondent);
        }

        foreach (var type in settings.Types)
        {
            Add("facets[type][]", type);
        }

        Add("start", start);
        Add("end", end);
        // A total order: by period alone, rows of one hour may come back in another order on the next page.
        Add("sort[0][column]", "period");
        Add("sort[0][direction]", "asc");
        Add("sort[1][column]", "respondent");
        Add("sort[1][direction]", "asc");
        Add("sort[2][column]", "type");
        Add("sort[2][direction]", "asc");
        Add("offset", offset.ToString(CultureInfo.InvariantCulture));
        Add("length", settings.PageLength.ToString(CultureInfo.InvariantCulture));
        return new Uri(settings.Url, query.ToString());
    }

    private async Task<(byte[] Bytes, SourceProvenance Provenance)> GetPageAsync(Uri url, string fileName, Eia930ApiOptions settings, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            throw new SourceException(Name, fileName, redactor.Redact($"request failed: {e.Message}"));
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var excerpt = await HttpResponses.ReadErrorExcerptAsync(response, cancellationToken);
                throw new SourceException(Name, fileName, redactor.Redact($"{HttpResponses.Describe(response)}: {excerpt}"));
            }

            try
            {
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                using var buffer = new MemoryStream();
                var chunk = new byte[1 << 16];
                int read;
                while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
                {
                    if (buffer.Length + read > settings.MaxPageBytes)
                    {
                        throw new SourceException(Name, fileName, $"page is larger than {settings.MaxPageBytes} bytes (Sources:Eia930Api:MaxPageBytes).");
                    }

                    buffer.Write(chunk, 0, read);
                }

                // The API echoes the request, api_key included: mask it before the page is stored anywhere.
                var text = redactor.Redact(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                return (Encoding.UTF8.GetBytes(text), SourceProvenance.Of(response, redactor.RedactUrl(url), time.GetUtcNow()));
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                throw new SourceException(Name, fileName, redactor.Redact($"the response was cut off: {e.Message}"));
            }
        }
    }

    private (long Total, int Rows) ReadPageShape(byte[] bytes, string fileName)
    {
        // Gateways answer with an HTML page or nothing at all and status 200: say so rather than "not JSON".
        if (HeadChecks.NotEmptyOrHtml(bytes.AsMemory(0, Math.Min(bytes.Length, HttpFileFetcher.HeadLength))) is { } problem)
        {
            throw new SourceException(Name, fileName, $"not JSON: {problem}");
        }

        try
        {
            // Read as a stream: the rows are counted as they are read, none is held.
            return Eia930ApiPage.ReadShape(new MemoryStream(bytes, writable: false));
        }
        catch (JsonException e)
        {
            throw new SourceException(Name, fileName, $"not JSON: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            // Not a data response: an error answer is small, and says what went wrong.
            throw new SourceException(Name, fileName, ApiError(bytes) is { } error ? redactor.Redact($"the API answered with an error: {error}") : e.Message);
        }
    }

    /// <summary>The <c>error</c> of an API error answer (<c>{"error": ..., "code": 400}</c>), or null.</summary>
    private static string? ApiError(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out var error) ? error.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "eia930_api: page {Page}: {Read} of {Total} rows")]
    private partial void LogPage(int page, long read, long total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "eia930_api: the API stopped with an empty page after {Read} of {Total} rows")]
    private partial void LogShortRead(long read, long total);
}
