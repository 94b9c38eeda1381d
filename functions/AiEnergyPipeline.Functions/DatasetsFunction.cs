using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AiEnergyPipeline.Functions;

/// <summary>
/// GET /api/datasets and GET /api/datasets/{name}?format=csv|parquet|json|svg&amp;run={runId}. Reads are anonymous:
/// the published data is public by design; only calls that start work need a function key.
/// </summary>
public sealed class DatasetsFunction(PublishedDatasets datasets)
{
    [Function("ListDatasets")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "datasets")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (latest, _) = await datasets.LatestAsync(cancellationToken);
        return latest is null
            ? Problems.NotFound("Nothing has been published yet.")
            : new OkObjectResult(new
            {
                run_id = latest.RunId,
                published_at = latest.PublishedAt,
                data_package = latest.DataPackage,
                datasets = latest.Tables.Select(t => new { name = t.Name, format = t.Format, rows = t.Rows, url = $"/api/datasets/{t.Name}?format={t.Format}&run={latest.RunId}" }),
            });
    }

    [Function("GetDataset")]
    public async Task<IActionResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "datasets/{name}")] HttpRequest request,
        string name,
        CancellationToken cancellationToken)
    {
        var format = request.Query["format"];
        var run = request.Query["run"];
        if (format.Count > 1 || run.Count > 1)
        {
            return Problems.BadRequest(format.Count > 1 ? "format" : "run", "give the parameter once.");
        }

        var lookup = await datasets.OpenAsync(name, format.FirstOrDefault(), run.FirstOrDefault(), cancellationToken);
        return lookup.ToResult();
    }
}
