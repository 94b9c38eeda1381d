using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// Interconnection queue files: the LBNL "Queued Up" workbook, the ISOs' own queue files and ISO queues in gridstatus form,
/// as the settings list them. Each file is streamed into the raw archive after a look at its first
/// bytes (servers answer a missing workbook with an HTML page and status 200).
/// </summary>
public sealed partial class QueuesSource(
    HttpClient http,
    IOptions<QueuesOptions> options,
    SecretRedactor redactor,
    TimeProvider time,
    ILogger<QueuesSource> logger) : ISource
{
    public const string SourceName = "queues";

    /// <summary>The User-Agent of the source's requests.</summary>
    public const string UserAgent = "AiEnergyPipeline/1.0 (interconnection queues)";

    public string Name => SourceName;

    public IReadOnlyList<SourceEndpoint> Endpoints =>
        options.Value.Resolve()
            .Select(f => new SourceEndpoint(SourceEndpoint.SettingOf($"{QueuesOptions.Section}:Files:{f.Index}", nameof(QueueFileOptions.Url)), redactor.RedactUrl(f.Url)))
            .ToList();

    public SourceCitation Citation { get; } = new(
        "Interconnection queues: LBNL Queued Up workbook and ISO queues in gridstatus form",
        Licences.InterconnectionQueues);

    public async Task<IReadOnlyList<FetchedFile>> FetchAsync(RawArchive archive, CancellationToken cancellationToken)
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
        foreach (var entry in entries)
        {
            LogFetching(entry.FileName, entry.Format.ToString().ToLowerInvariant(), entry.Region ?? "every region");
            var file = await fetcher.FetchAsync(Name, entry.Url, entry.FileName, QueuesOptions.ExtensionOf(entry.Format), archive, cancellationToken,
                QueuesOptions.ExtensionOf(entry.Format) == "xlsx" ? HeadChecks.IsXlsx : HeadChecks.NotEmptyOrHtml);
            LogFetched(entry.FileName, file.Bytes, file.AlreadyArchived);
            files.Add(file);
        }

        return files;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "queues: fetching {File} ({Format}, {Region})")]
    private partial void LogFetching(string file, string format, string region);

    [LoggerMessage(Level = LogLevel.Information, Message = "queues: {File}: {Bytes} bytes, already archived: {AlreadyArchived}")]
    private partial void LogFetched(string file, long bytes, bool alreadyArchived);
}
