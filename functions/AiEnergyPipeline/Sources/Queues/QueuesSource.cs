using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// Interconnection queue files: the LBNL "Queued Up" workbook, the ISOs' own queue files and ISO queues in gridstatus form,
/// as the settings list them. Each file is streamed into the raw archive after a look at its first
/// bytes (servers answer a missing workbook with an HTML page and status 200). In an ingest a file
/// of one ISO that cannot be downloaded fails that ISO alone (<see cref="FetchEachAsync"/>).
/// </summary>
public sealed partial class QueuesSource(
    HttpClient http,
    IOptions<QueuesOptions> options,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger<QueuesSource> logger) : ISource
{
    public const string SourceName = SourceNames.Queues;

    /// <summary>The User-Agent of the source's requests.</summary>
    public const string UserAgent = "AiEnergyPipeline/1.0 (interconnection queues)";

    public string Name => SourceName;

    public IReadOnlyList<SourceEndpoint> Endpoints =>
        options.Value.Resolve()
            .Select(f => new SourceEndpoint(SourceEndpoint.SettingOf($"{QueuesOptions.Section}:Files:{f.Index}", nameof(QueueFileOptions.Url)), redactor.RedactUrl(f.Url)))
            .ToList();

    public SourceCitation Citation { get; } = new(
        "Interconnection queues: LBNL Queued Up workbook and ISO queues in gridstatus form",
        Licences.InterconnectionQueues,
        Licences.InterconnectionQueuesSample);

    /// <summary>Every file, or a failure: what a recording needs (a snapshot missing a file replays as a failure).</summary>
    public async Task<IReadOnlyList<FetchedFile>> FetchAsync(RawArchive archive, CancellationToken cancellationToken) =>
        (await FetchFilesAsync(archive, tolerate: false, cancellationToken)).Files;

    /// <summary>
    /// Every file it can: a file that holds one ISO's queue and cannot be downloaded is returned as a
    /// failure, so that the run publishes the other queues without it. The LBNL workbook, or every
    /// file failing, still fails the source.
    /// </summary>
    public Task<SourceFetch> FetchEachAsync(RawArchive archive, CancellationToken cancellationToken) =>
        FetchFilesAsync(archive, tolerate: true, cancellationToken);

    private async Task<SourceFetch> FetchFilesAsync(RawArchive archive, bool tolerate, CancellationToken cancellationToken)
    {
        IReadOnlyList<QueueFile> entries;
        try
        {
            entries = options.Value.Resolve();
        }
        catch (InvalidOperationException e)
        {
            throw new SourceException(Name, null, e.Message);
        }
        catch (OptionsValidationException e)
        {
            // Start-up validation reports this first; a host that skipped it still gets a source failure, not a crash.
            throw new SourceException(Name, null, e.Failures.FirstOrDefault() ?? e.Message);
        }

        var fetcher = new HttpFileFetcher(http, redactor, time);
        var files = new List<FetchedFile>();
        var failures = new List<FileFailure>();
        foreach (var entry in entries)
        {
            LogFetching(entry.FileName, entry.Format.ToString().ToLowerInvariant(), entry.Region ?? "every region");
            FetchedFile file;
            try
            {
                var prepare = PrepareOf(entry);
                var url = entry.FromDocumentList
                    ? await ErcotDocumentList.NewestGisReportAsync(http, entry.Url, redactor, Name, entry.FileName, cancellationToken)
                    : entry.Url;
                var extension = QueuesOptions.ExtensionOf(entry.Format, url);
                // ISO-NE's queue is a page or its export: either is read (by its content), an empty answer is not.
                Func<ReadOnlyMemory<byte>, string?> checkHead = entry.Format == QueueFileFormat.Isone ? HeadChecks.IsXlsxOrHtml
                    : extension == "xlsx" ? HeadChecks.IsXlsx
                    : HeadChecks.NotEmptyOrHtml;
                file = await fetcher.FetchAsync(Name, url, entry.FileName, extension, archive, cancellationToken, checkHead, prepare);
            }
            catch (SourceException e) when (tolerate && entry.HoldsOneIso)
            {
                // The fetcher has retried what is worth retrying: this ISO is left out of the run, the others are not held back by it.
                failures.Add(new FileFailure(entry.FileName, entry.Setting, redactor.RedactUrl(entry.Url), entry.Region!, FailureStage.Fetch, e.Message));
                LogFileFailed(e.Message, entry.Region!);
                continue;
            }

            LogFetched(entry.FileName, file.Bytes, file.AlreadyArchived);
            files.Add(file);
        }

        if (files.Count == 0 && failures.Count > 0)
        {
            throw new SourceException(Name, null, $"no queue file could be fetched: {string.Join("; ", failures.Select(f => f.Error))}");
        }

        return new SourceFetch(files, failures);
    }

    /// <summary>
    /// What a replay of a recording needs to ask for the same files: ERCOT's report found through its
    /// list pinned to the document fetched (the list itself is not recorded), and PJM's export asked
    /// by GET (a snapshot answers by URL whatever the method, and a recording keeps no key).
    /// </summary>
    public IReadOnlyDictionary<string, string> ReplaySettings(IReadOnlyList<FetchedFile> files)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in options.Value.Resolve())
        {
            var setting = $"{QueuesOptions.Section}:Files:{entry.Index}";
            if (entry.FromDocumentList && files.FirstOrDefault(f => f.FileName == entry.FileName) is { } file)
            {
                settings[$"{setting}:{nameof(QueueFileOptions.Url)}"] = file.Url;
                settings[$"{setting}:{nameof(QueueFileOptions.Format)}"] = entry.Format.ToString().ToLowerInvariant();
            }

            if (entry.NeedsPjmKey)
            {
                settings[$"{setting}:{nameof(QueueFileOptions.Method)}"] = HttpMethod.Get.Method;
            }
        }

        return settings;
    }

    /// <summary>
    /// The method and headers of an entry's request: PJM's export answers only a POST carrying its
    /// subscription key, from its own page's origin (as gridstatus sends it); without the key that
    /// file fails here, saying which setting to set, rather than with PJM's 401.
    /// </summary>
    /// <exception cref="SourceException">A PJM entry sent by POST, and no key is set.</exception>
    private Action<HttpRequestMessage>? PrepareOf(QueueFile entry)
    {
        if (!entry.NeedsPjmKey)
        {
            return entry.Method == HttpMethod.Get ? null : r => r.Method = entry.Method;
        }

        var key = options.Value.PjmSubscriptionKey?.Trim() is { Length: > 0 } k ? k
            : throw new SourceException(Name, entry.FileName,
                $"PJM's queue export answers only a POST carrying its subscription key: set {SourceEndpoint.SettingOf(QueuesOptions.Section, nameof(QueuesOptions.PjmSubscriptionKey))} to the public key PJM's queue page sends (or {SourceEndpoint.SettingOf(entry.Setting, nameof(QueueFileOptions.Method))}=GET with a Url that serves the workbook to a GET).");
        return request =>
        {
            request.Method = HttpMethod.Post;
            request.Headers.TryAddWithoutValidation(IsoQueueFormats.PjmKeyHeader, key);
            request.Headers.TryAddWithoutValidation("Origin", IsoQueueFormats.PjmOrigin);
            request.Headers.Referrer = new Uri(IsoQueueFormats.PjmOrigin + "/");
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "queues: fetching {File} ({Format}, {Region})")]
    private partial void LogFetching(string file, string format, string region);

    [LoggerMessage(Level = LogLevel.Information, Message = "queues: {File}: {Bytes} bytes, already archived: {AlreadyArchived}")]
    private partial void LogFetched(string file, long bytes, bool alreadyArchived);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Error} {Region}'s queue is left out of this run; the other queues are fetched.")]
    private partial void LogFileFailed(string error, string region);
}
