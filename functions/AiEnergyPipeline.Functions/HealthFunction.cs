using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Functions.Http;
using AiEnergyPipeline.Vocabulary;
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
        CancellationToken cancellationToken) => await StoreProblems.GuardAsync(async () =>
    {
        // A damaged latest.json leaves the app up but its data unavailable until the next run: degraded, and why.
        var (latest, _, problem) = await datasets.LatestAsync(cancellationToken);
        return new OkObjectResult(new { status = problem is null ? "ok" : "degraded", latest_run_id = latest?.RunId, latest_published_at = latest?.PublishedAt, latest_problem = problem });
    });
}
