using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// How every failed run ends, whichever step failed it (an ingest's completion, the fan-out when a
/// partition failed, a recompute): its report is written under runs/{id}/, the failure is logged,
/// and the outcome says where latest.json, left as it was, points.
/// </summary>
public sealed partial class FailedRunRecorder(RunPublisher publisher, IDatasetStore store, SecretRedactor redactor, ILogger<FailedRunRecorder> logger)
{
    /// <summary>What a failed run says: <paramref name="subject"/> names the run ("Run {id}", "Recompute {id} of run {base}"), <paramref name="error"/> the cause.</summary>
    public static string Message(string subject, string error) =>
        $"{subject} failed, nothing new was published and latest.json is unchanged: {error}";

    /// <param name="report">The failed run's report; its message (see <see cref="Message"/>) is the outcome's.</param>
    /// <param name="derivedFrom">The run a recompute started from; null for an ingest.</param>
    /// <exception cref="ArgumentException">The report says nothing of why the run failed.</exception>
    public async Task<RunOutcome> RecordAsync(RunReport report, string? derivedFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var message = report.Message ?? throw new ArgumentException($"The report of failed run {report.RunId} has no message saying why.", nameof(report));
        try
        {
            await publisher.WriteReportAsync(report, cancellationToken);
        }
        catch (Exception e) when (StorageFailures.IsStorageFailure(e))
        {
            // The store that failed the run may refuse its report too: the outcome still says why.
            LogReportNotWritten(report.RunId, redactor.Redact(StorageFailures.Describe(e)));
        }

        LogFailed(message);
        // Never throws for a damaged latest.json or a store that is down: the run's failure is the answer.
        var latestRunId = await publisher.LatestRunIdOrNullAsync(cancellationToken);
        return new RunOutcome(RunStatus.Failed, report.RunId, latestRunId, store.Description, message, report, derivedFrom);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private partial void LogFailed(string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "run {RunId}: its report could not be written: {Error}")]
    private partial void LogReportNotWritten(string runId, string error);
}
