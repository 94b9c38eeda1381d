using AiEnergyPipeline.Datasets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AiEnergyPipeline.Functions;

/// <summary>GET /api/health: the app is up and can read its store.</summary>
public sealed class HealthFunction(PublishedDatasets datasets)
{
    [Function("Health")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (latest, _) = await datasets.LatestAsync(cancellationToken);
        return new OkObjectResult(new { status = "ok", latest_run_id = latest?.RunId, latest_published_at = latest?.PublishedAt });
    }
}
