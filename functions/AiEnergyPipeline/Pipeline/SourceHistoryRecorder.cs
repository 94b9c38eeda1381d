using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// Applies every ingest's report to <see cref="SourceHistory"/> at its end. Read, apply, write with
/// If-Match (If-None-Match for the first), and on a lost race read again and re-apply: two runs
/// ending at once (the timer and POST /api/ingest, or two instances) both count, neither overwrites
/// the other. The history serves health and alerts, never the run: failing to write it is logged
/// and the run's outcome stands.
/// </summary>
public sealed partial class SourceHistoryRecorder(IDatasetStore store, SecretRedactor redactor, FreshnessGauges gauges, ILogger<SourceHistoryRecorder> logger)
{
    /// <summary>More than runs that can end at the same moment; each lost race costs one small read and write.</summary>
    private const int Attempts = 10;

    /// <returns>The history as written, or null when it could not be.</returns>
    public async Task<SourceHistory?> RecordAsync(RunReport report, string? latestRunId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        SourceHistory? written = null;
        // The history as this run last saw it, with its report applied: its counts go to the log line even when the write failed.
        var updated = SourceHistory.Empty.With(report, latestRunId);
        try
        {
            for (var attempt = 1; attempt <= Attempts && written is null; attempt++)
            {
                var (history, etag, _) = await SourceHistory.ReadAsync(store, cancellationToken);
                updated = history.With(report, latestRunId);
                try
                {
                    using var content = new MemoryStream(PublishedJson.Serialize(updated));
                    await store.WriteAsync(SourceHistory.Path, content, etag is null ? WriteCondition.IfNotExists : WriteCondition.IfMatches(etag), new StoreWriteOptions(ContentTypes.Json), cancellationToken);
                    written = updated;
                }
                catch (StoreConditionFailedException)
                {
                    // Another run wrote it since this one read it: apply this report to theirs.
                }
            }

            if (written is not null)
            {
                gauges.Remember(written, latestRunId, report.Status == RunStatus.Published && latestRunId == report.RunId ? report.FinishedAt : null);
            }
            else
            {
                LogNotWritten(report.RunId, $"{SourceHistory.Path} kept changing: gave up after {Attempts} attempts");
            }
        }
        catch (Exception e) when (StorageFailures.IsStorageFailure(e))
        {
            LogNotWritten(report.RunId, redactor.Redact(StorageFailures.Describe(e)));
        }

        // A replay that failed counts against no source (SourceHistory.CountsForSources): no line that says it does.
        foreach (var failed in report.Sources.Where(s => s.Status == SourceStatus.Failed && SourceHistory.CountsForSources(report)))
        {
            // The alert "a source failing repeatedly" parses this line (infra/modules/alerts.bicep): keep its wording.
            var entry = updated.Sources.FirstOrDefault(s => s.Name == failed.Name);
            LogSourceFailing(failed.Name, entry?.ConsecutiveFailures ?? 1, report.RunId);
        }

        return written;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "source {Source} has failed {Failures} ingest run(s) in a row, the last in run {RunId}")]
    private partial void LogSourceFailing(string source, int failures, string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "run {RunId}: the source history could not be updated: {Error}; /api/health reads the previous one")]
    private partial void LogNotWritten(string runId, string error);
}
