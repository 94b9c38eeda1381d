using AiEnergyPipeline.Pipeline.FanOut;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Functions;

/// <summary>
/// The schedule (app setting INGEST_SCHEDULE, six-field NCRONTAB in UTC, such as "0 0 6 * * *"
/// for 06:00 daily). With Ingest__FanOut=Queue it only starts the run: the partitions go to the
/// ingest queue (IngestPartition), and a second firing for the same occurrence starts nothing.
/// In-process (the default), it runs every partition here; a run whose inputs are those of the
/// latest run publishes nothing, so a timer that fires twice, or late, does no harm.
/// </summary>
public sealed partial class IngestAndPublishFunction(IngestRunner runner, ILogger<IngestAndPublishFunction> logger)
{
    [Function("IngestAndPublish")]
    public async Task RunAsync([TimerTrigger("%INGEST_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer.IsPastDue)
        {
            LogPastDue(timer.ScheduleStatus?.Last);
        }

        var trigger = timer.IsPastDue ? "timer (past due)" : "timer";
        if (runner.UsesQueue)
        {
            var start = await runner.StartOnQueueAsync(trigger, scheduled: true, cancellationToken);
            LogOutcome(start.Message);
            return;
        }

        var outcome = await runner.RunInProcessAsync(trigger, cancellationToken);
        if (!outcome.Succeeded)
        {
            // Failing the invocation makes the failure visible to monitoring; the report has the details.
            throw new PipelineRunFailedException(outcome.Message);
        }

        LogOutcome(outcome.Message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The schedule is past due (last run {Last}); running now.")]
    private partial void LogPastDue(DateTime? last);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Message}")]
    private partial void LogOutcome(string message);
}
