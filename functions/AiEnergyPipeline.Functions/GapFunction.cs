using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Functions.Http;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AiEnergyPipeline.Functions;

/// <summary>
/// GET /api/gap?scenario=ID (anonymous): the latest run's gap_by_year rows of a scenario and its
/// headline; without a scenario, every scenario's headline.
/// </summary>
public sealed class GapFunction(PublishedDatasets datasets, PublishedGap gap)
{
    [Function("GetGap")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "gap")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var scenario = request.Query["scenario"];
        if (scenario.Count > 1)
        {
            return Problems.BadRequest("scenario", "give the parameter once.");
        }

        var id = scenario.FirstOrDefault();
        if (id is not null && !PublishedDatasets.IsDatasetName(id))
        {
            return Problems.BadRequest("scenario", "a scenario id is lower-case letters, digits and '_', starting with a letter, at most 64 characters.");
        }

        return await StoreProblems.GuardAsync(() => AnswerAsync(id, cancellationToken));
    }

    private async Task<IActionResult> AnswerAsync(string? id, CancellationToken cancellationToken)
    {
        var (latest, _, problem) = await datasets.LatestAsync(cancellationToken);
        if (problem is not null)
        {
            return StoreProblems.Damaged(problem);
        }

        if (latest is null)
        {
            return Problems.NotFound("Nothing has been published yet.");
        }

        var headline = await gap.HeadlineAsync(latest.RunId, cancellationToken);
        if (id is null)
        {
            return new OkObjectResult(new { run_id = latest.RunId, mode = latest.Mode, sample = headline.Sample, base_year = headline.BaseYear, horizon_year = headline.HorizonYear, reserve_margin = headline.ReserveMargin, headline = headline.Scenarios.Select(RecomputeFunction.Headline) });
        }

        var entry = headline.Scenarios.FirstOrDefault(s => s.ScenarioId == id);
        if (entry is null)
        {
            return Problems.NotFound($"run {latest.RunId} has no scenario '{id}'.");
        }

        var rows = await gap.RowsAsync(latest.RunId, id, cancellationToken);
        return new OkObjectResult(new { run_id = latest.RunId, mode = latest.Mode, sample = headline.Sample, scenario_id = id, headline = RecomputeFunction.Headline(entry), gap_by_year = rows });
    }
}
