using AiEnergyPipeline.Pipeline.Sweep;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Functions;

/// <summary>
/// The daily sweep (app setting SWEEP_SCHEDULE, six-field NCRONTAB in UTC, such as "0 30 5 * * *"):
/// removes what crashed runs left and the complete runs past retention, even on days no run
/// starts (each run also sweeps at its start), and writes sweeps/{id}.json. A second firing
/// finds nothing more to remove.
/// </summary>
public sealed partial class SweepFunction(StoreSweeper sweeper, ILogger<SweepFunction> logger)
{
    public const string ScheduleSetting = "SWEEP_SCHEDULE";

    [Function("Sweep")]
    public async Task RunAsync([TimerTrigger("%SWEEP_SCHEDULE%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await sweeper.SweepAsync(timer.IsPastDue ? "timer (past due)" : "timer", dryRun: false, cancellationToken);
        LogSwept(report.SweepId, report.Removed.Count, report.BytesRemoved, report.Errors.Count, StoreSweeper.ReportPath(report.SweepId));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "sweep {SweepId}: removed {Count} item(s), {Bytes} bytes, {Errors} error(s); report {ReportPath}")]
    private partial void LogSwept(string sweepId, int count, long bytes, int errors, string reportPath);
}
