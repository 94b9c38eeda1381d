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
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "recompute")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        RecomputeResult result;
        try
        {
            result = await recompute.RunAsync(request.Body, "http", cancellationToken);
        }
        catch (DamagedRunException e)
        {
            return StoreProblems.Damaged(e.Message);
        }

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
            return outcome.LatestRunId is null
                ? Problems.NotFound(outcome.Message)
                : Problems.Status(StatusCodes.Status500InternalServerError, "The gap could not be recomputed", outcome.Message);
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
