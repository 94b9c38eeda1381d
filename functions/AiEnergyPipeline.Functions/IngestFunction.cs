using AiEnergyPipeline.Functions.Http;
using AiEnergyPipeline.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AiEnergyPipeline.Functions;

/// <summary>POST /api/ingest (function key): one run now, as the timer would run it.</summary>
public sealed class IngestFunction(IngestPipeline pipeline)
{
    [Function("Ingest")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "ingest")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var outcome = await pipeline.RunAsync("http", cancellationToken);
        return outcome.Succeeded
            ? new OkObjectResult(new { status = outcome.Status.ToString().ToLowerInvariant(), run_id = outcome.RunId, latest_run_id = outcome.LatestRunId, message = outcome.Message, tables = outcome.Report.Tables })
            : Problems.Status(StatusCodes.Status502BadGateway, "The run failed: nothing new was published", outcome.Message);
    }
}
