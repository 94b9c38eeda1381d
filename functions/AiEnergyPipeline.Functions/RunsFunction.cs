using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AiEnergyPipeline.Functions;

/// <summary>GET /api/runs/{runId}: the run's report, for a failed run too.</summary>
public sealed class RunsFunction(PublishedDatasets datasets)
{
    [Function("GetRun")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "runs/{runId}")] HttpRequest request,
        string runId,
        CancellationToken cancellationToken) =>
        // Inline, with the run's headers, as the same file at runs/{runId}/report.json is served.
        await StoreProblems.GuardAsync(async () => (await datasets.OpenReportAsync(runId, cancellationToken)).ToInlineResult(request));
}
