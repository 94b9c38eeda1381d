using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Functions.Http;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AiEnergyPipeline.Functions;

/// <summary>
/// GET /api/datasets and GET /api/datasets/{name}?format=csv|parquet|json|svg&amp;run={runId}&amp;part={part}. Reads are
/// anonymous: the published data is public by design; only calls that start work need a function key.
/// A table published in parts (ba_hourly) streams as one CSV with one header, its parts in order,
/// unless part= names one of them; its Parquet comes one part at a time.
/// </summary>
public sealed class DatasetsFunction(PublishedDatasets datasets)
{
    [Function("ListDatasets")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "datasets")] HttpRequest request,
        CancellationToken cancellationToken) => await StoreProblems.GuardAsync(async () =>
    {
        var (latest, _, problem) = await datasets.LatestAsync(cancellationToken);
        if (problem is not null)
        {
            return StoreProblems.Damaged(problem);
        }

        return latest is null
            ? Problems.NotFound("Nothing has been published yet.")
            : new OkObjectResult(new
            {
                run_id = latest.RunId,
                // A sample run's tables are invented: a client must be able to tell before it downloads one.
                mode = latest.Mode,
                sample = latest.Sample,
                published_at = latest.PublishedAt,
                data_package = latest.DataPackage,
                // The run's page (GET /api/dashboard leads there too): where a person starts, listed beside the files.
                page = $"/api/runs/{latest.RunId}/dashboard",
                datasets = latest.Tables.GroupBy(t => (t.Name, t.Format)).Select(g => new
                {
                    name = g.Key.Name,
                    format = g.Key.Format,
                    rows = g.Sum(t => t.Rows),
                    // Parquet parts cannot be joined into one file: such a table is fetched part by part.
                    url = g.Key.Format == "csv" || g.All(t => t.Part is null) ? $"/api/datasets/{g.Key.Name}?format={g.Key.Format}&run={latest.RunId}" : null,
                    parts = g.Any(t => t.Part is not null) ? g.Select(t => new { part = t.Part, rows = t.Rows, url = $"/api/datasets/{g.Key.Name}?format={g.Key.Format}&run={latest.RunId}&part={t.Part}" }).ToList() : null,
                }),
            });
    });

    [Function("GetDataset")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "datasets/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken)
    {
        var format = request.Query["format"];
        var run = request.Query["run"];
        var part = request.Query["part"];
        if (format.Count > 1 || run.Count > 1 || part.Count > 1)
        {
            return Problems.BadRequest(format.Count > 1 ? "format" : run.Count > 1 ? "run" : "part", "give the parameter once.");
        }

        return await StoreProblems.GuardAsync(async () =>
            (await datasets.OpenAsync(name, format.FirstOrDefault(), run.FirstOrDefault(), cancellationToken, part.FirstOrDefault())).ToResult(request, byRun: run.Count == 1));
    }
}
