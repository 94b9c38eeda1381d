using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Functions.Http;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AiEnergyPipeline.Functions;

/// <summary>
/// GET /api/health: whether the published data is fresh and its sources answer. 200 when it is,
/// 503 with the reasons when it is not, with the same body, so that a probe or an availability
/// test alerts on the status code and a person reads why.
/// </summary>
public sealed class HealthFunction(DataHealth health)
{
    [Function("Health")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) => await StoreProblems.GuardAsync(async () =>
    {
        var report = await health.CheckAsync(cancellationToken);
        return new JsonResult(report, PublishedJson.Options) { StatusCode = report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable };
    });
}
