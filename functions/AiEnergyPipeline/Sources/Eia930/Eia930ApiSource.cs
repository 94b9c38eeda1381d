using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// EIA-930 hourly data by balancing authority through EIA API v2 (<c>electricity/rto/region-data</c>).
/// Pages with offset and length until the response's total is read, always sorted so that pages
/// neither repeat nor skip rows. Each page is streamed to disk, the API key in its request echo masked
/// as the bytes pass (<see cref="SecretMasker"/>), then read as a stream and archived: memory does
/// not grow with a page's length.
/// </summary>
public sealed partial class Eia930ApiSource(
    HttpClient http,
    IOptions<Eia930ApiOptions> options,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger<Eia930ApiSource> logger) : ISource
{
    public const string SourceName = SourceNames.Eia930Api;

    private const int PageChunkBytes = 1 << 16;

    // An API error answer is a line or two of JSON.
    private const int MaxErrorAnswerBytes = 1 << 20;

    public string Name => SourceName;

    public IReadOnlyList<SourceEndpoint> Endpoints =>
    [
        new(SourceEndpoint.SettingOf(Eia930ApiOptions.Section, nameof(Eia930ApiOptions.Url)), redactor.RedactUrl(options.Value.Url)),
        // The key itself never shows: only whether one is set.
        new(Eia930ApiOptions.ApiKeySetting, string.IsNullOrWhiteSpace(options.Value.ApiKey) ? "(not set)" : SecretRedactor.Mask),
    ];

    public SourceCitation Citation { get; } = new("EIA-930 Hourly Electric Grid Monitor, EIA API v2 electricity/rto/region-data", Licences.EiaPublicDomain, Licences.Sample("EIA-930", "EIA"));

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
        if (!settings.HasApiKey)
        {
            throw new SourceException(Name, null, $"no API key: {Eia930ApiOptions.MissingKeyAdvice}.");
        }

        var (start, end) = Window(settings);
        var files = new List<FetchedFile>();
        long offset = 0;
        long? total = null;
        for (var page = 1; page <= settings.MaxPages; page++)
        {
            var url = PageUrl(settings, start, end, offset);
            var fileName = $"region-data_{start}_{end}_offset{offset}.json";
            var localPath = archive.NewLocalPath(Name, "json");
            long pageTotal;
            int rows;
            try
            {
                var (sha256, bytes, provenance) = await DownloadPageAsync(url, fileName, localPath, settings, cancellationToken);
                (pageTotal, rows) = await ReadPageShapeAsync(localPath, fileName, cancellationToken);
                files.Add(await archive.ArchiveDownloadedAsync(Name, fileName, "json", localPath, sha256, bytes, provenance, cancellationToken));
            }
            catch
            {
                File.Delete(localPath);
                throw;
            }

            total = pageTotal;
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

    /// <summary>
    /// Downloads a page into <paramref name="localPath"/>, masking the API key the page echoes as the
    /// bytes pass and hashing what is written: memory holds a buffer, whatever the page's length.
    /// </summary>
    private async Task<(string Sha256, long Bytes, SourceProvenance Provenance)> DownloadPageAsync(Uri url, string fileName, string localPath, Eia930ApiOptions settings, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception e) when (HttpResponses.IsRequestFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            throw new SourceException(Name, fileName, redactor.Redact($"request failed: {e.Message}"));
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new SourceException(Name, fileName, redactor.Redact(await HttpResponses.DescribeWithBodyAsync(response, cancellationToken)));
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(localPath)!);
                await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                await using var file = new FileStream(localPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1, useAsync: true);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                // The API echoes the request, api_key included: masked before a byte is stored anywhere.
                var masker = redactor.NewMasker();
                var masked = new ArrayBufferWriter<byte>(PageChunkBytes * 2);
                var chunk = new byte[PageChunkBytes];
                long received = 0;
                int read;
                do
                {
                    read = await body.ReadAsync(chunk, cancellationToken);
                    received += read;
                    if (received > settings.MaxPageBytes)
                    {
                        throw new SourceException(Name, fileName, $"page is larger than {settings.MaxPageBytes} bytes (Sources:Eia930Api:MaxPageBytes).");
                    }

                    masker.Mask(chunk.AsSpan(0, read), final: read == 0, masked);
                    hash.AppendData(masked.WrittenSpan);
                    await file.WriteAsync(masked.WrittenMemory, cancellationToken);
                    masked.ResetWrittenCount();
                }
                while (read > 0);

                return (Convert.ToHexStringLower(hash.GetHashAndReset()), file.Length, SourceProvenance.Of(response, redactor.RedactUrl(url), time.GetUtcNow()));
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                throw new SourceException(Name, fileName, redactor.Redact($"the response was cut off: {e.Message}"));
            }
        }
    }

    private async Task<(long Total, int Rows)> ReadPageShapeAsync(string localPath, string fileName, CancellationToken cancellationToken)
    {
        await using var page = new FileStream(localPath, FileMode.Open, FileAccess.Read, FileShare.Read, PageChunkBytes);
        var head = new byte[HttpFileFetcher.HeadLength];
        var headLength = await page.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        // Gateways answer with an HTML page or nothing at all and status 200: say so rather than "not JSON".
        if (HeadChecks.NotEmptyOrHtml(head.AsMemory(0, headLength)) is { } problem)
        {
            throw new SourceException(Name, fileName, $"not JSON: {problem}");
        }

        page.Position = 0;
        try
        {
            // Read as a stream: the rows are counted as they are read, none is held.
            return Eia930ApiPage.ReadShape(page);
        }
        catch (JsonException e)
        {
            throw new SourceException(Name, fileName, $"not JSON: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            // Not a data response: an error answer is small, and says what went wrong.
            throw new SourceException(Name, fileName, ApiError(localPath) is { } error ? redactor.Redact($"the API answered with an error: {error}") : e.Message);
        }
    }

    /// <summary>The <c>error</c> of an API error answer (<c>{"error": ..., "code": 400}</c>), or null; a page too long to be one is not read.</summary>
    private static string? ApiError(string localPath)
    {
        if (new FileInfo(localPath).Length > MaxErrorAnswerBytes)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(localPath));
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
