using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Functions.Http;
using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AiEnergyPipeline.Functions;

/// <summary>
/// POST /api/recompute (function key): recompute the latest run's gap with the body's overrides,
/// without fetching. An invalid body answers 400 with every invalid field and publishes nothing.
/// </summary>
public sealed class RecomputeFunction(RecomputeEntry recompute, PublishedGap gap)
{
    [Function("Recompute")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status500InternalServerError)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "recompute")] HttpRequest request,
        CancellationToken cancellationToken) =>
        // A store that cannot be read (latest.json, the headline) or a damaged run: 503 with the cause, never a bare 500.
        StoreProblems.GuardAsync(() => RecomputeAsync(request, cancellationToken));

    private async Task<IActionResult> RecomputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var result = await recompute.RunAsync(request.Body, "http", cancellationToken);

        if (result.IsNothingPublished)
        {
            return Problems.NotFound(RecomputePipeline.NothingPublishedMessage + ".");
        }

        if (!result.Ran)
        {
            return Problems.Invalid(result.Errors);
        }

        var outcome = result.Outcome;
        if (outcome.Status == RunStatus.Failed)
        {
            // Without a latest run id the recompute found nothing whole to derive from: nothing
            // published (404), or a latest.json that names a run that is not whole (503, as the reading endpoints answer).
            return outcome.LatestRunId is not null
                ? Problems.Status(StatusCodes.Status500InternalServerError, "The gap could not be recomputed", outcome.Message)
                : outcome.Message == RecomputePipeline.NothingPublishedMessage ? Problems.NotFound(outcome.Message)
                : Problems.Status(StatusCodes.Status503ServiceUnavailable, "The published data is damaged", outcome.Message);
        }

        var headline = await gap.HeadlineAsync(outcome.RunId, cancellationToken);
        return new OkObjectResult(new
        {
            status = outcome.Status.ToString().ToLowerInvariant(),
            run_id = outcome.RunId,
            derived_from = outcome.DerivedFrom,
            sample = headline.Sample,
            message = outcome.Message,
            headline = headline.Scenarios.Select(Headline),
        });
    }

    internal static object Headline(Gap.GapHeadlineEntry h) =>
        new { scenario_id = h.ScenarioId, gap_gw_2028 = h.GapGw2028, horizon_year = h.HorizonYear, gap_gw_horizon = h.GapGwHorizon, headline = h.Headline };
}
