using AiEnergyPipeline.Functions.Http;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AiEnergyPipeline.Functions;

/// <summary>
/// POST /api/ingest (function key): one run now, as the timer would run it. In-process, it answers
/// when the run has ended (200, or 502 when it failed). With the queue fan-out it answers at once
/// with 202 and the plan id: a live run takes longer than an HTTP request should wait, and its
/// partitions run on other instances; the run's report and latest.json show how it ended (and, as
/// the 200 does, whether it was made from sample files: the mode is known only once the files are).
/// </summary>
public sealed class IngestFunction(IngestRunner runner)
{
    [Function("Ingest")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType(StatusCodes.Status502BadGateway)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "ingest")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        try
        {
            return await StartOrRunAsync(cancellationToken);
        }
        catch (Exception e) when (StorageFailures.IsStorageFailure(e))
        {
            // The store (or the queue) failed before the run could report itself: still problem details, never a bare 500.
            return Problems.Status(StatusCodes.Status502BadGateway, "The run failed: nothing new was published", $"the store failed: {StorageFailures.Describe(e)}");
        }
    }

    private async Task<IActionResult> StartOrRunAsync(CancellationToken cancellationToken)
    {
        if (runner.UsesQueue)
        {
            var start = await runner.StartOnQueueAsync("http", scheduled: false, cancellationToken);
            return new ObjectResult(new { status = "started", plan_id = start.PlanId, partitions = start.Partitions, message = start.Message }) { StatusCode = StatusCodes.Status202Accepted };
        }

        var outcome = await runner.RunInProcessAsync("http", cancellationToken);
        return outcome.Succeeded
            ? new OkObjectResult(new { status = outcome.Status.ToString().ToLowerInvariant(), run_id = outcome.RunId, latest_run_id = outcome.LatestRunId, mode = outcome.Report.Mode, sample = outcome.Report.Sample, message = outcome.Message, tables = outcome.Report.Tables })
            : Problems.Status(StatusCodes.Status502BadGateway, "The run failed: nothing new was published", outcome.Message);
    }
}
