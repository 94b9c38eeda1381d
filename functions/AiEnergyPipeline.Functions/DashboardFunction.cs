using AiEnergyPipeline.Dashboard;
using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Functions.Http;
using AiEnergyPipeline.Publish;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AiEnergyPipeline.Functions;

/// <summary>
/// The run's page over HTTP (anonymous): GET /api/dashboard redirects to the latest run's
/// GET /api/runs/{runId}/dashboard, which shows it; the files it links to (relative to it) are
/// served beside it, at /api/runs/{runId}/data/..., /gap/..., datapackage.json and report.json,
/// and nothing else of the store (see <see cref="PublishedDatasets.OpenRunFileAsync"/>). The page
/// links other pages as the store lays them out (runs/{runId}/index.html, the root index.html), so
/// those addresses answer too: the run's page, and a redirect to the latest run's.
/// </summary>
public sealed class DashboardFunction(PublishedDatasets datasets)
{
    [Function("GetDashboard")]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> GetLatestAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "dashboard")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await RedirectToLatestAsync("dashboard", cancellationToken);

    /// <summary>/api/index.html, where a run's page links "the latest run" (the store's root page): the latest run's page.</summary>
    [Function("GetLatestPage")]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> GetLatestPageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "index.html")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await RedirectToLatestAsync(RunPublisher.PageFileName, cancellationToken);

    /// <summary>/api/runs/{runId}/index.html, where a run's page links another run's (a recompute's base, earlier runs): that page.</summary>
    [Function("GetRunPage")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public Task<IActionResult> GetRunPageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "runs/{runId}/index.html")] HttpRequest request,
        string runId,
        CancellationToken cancellationToken) =>
        GetRunAsync(request, runId, cancellationToken);

    /// <param name="page">The latest run's page as named relative to runs/{runId}/: dashboard, or index.html.</param>
    private async Task<IActionResult> RedirectToLatestAsync(string page, CancellationToken cancellationToken) =>
        await StoreProblems.GuardAsync(async () =>
        {
            var (latest, _, problem) = await datasets.LatestAsync(cancellationToken);
            return problem is not null ? StoreProblems.Damaged(problem)
                : latest is null ? Problems.NotFound("Nothing has been published yet.")
                : new RedirectResult($"runs/{latest.RunId}/{page}");
        });

    [Function("GetRunDashboard")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public async Task<IActionResult> GetRunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "runs/{runId}/dashboard")] HttpRequest request,
        string runId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The page's own policy, also as a header: a meta element cannot set frame-ancestors.
        request.HttpContext.Response.Headers.ContentSecurityPolicy = PageStyle.ContentSecurityPolicy + "; frame-ancestors 'none'";
        return await ServeAsync(request, runId, RunPublisher.PageFileName, inline: true, cancellationToken);
    }

    [Function("GetRunDataFile")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public Task<IActionResult> GetDataFileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "runs/{runId}/data/{*path}")] HttpRequest request,
        string runId,
        string path,
        CancellationToken cancellationToken) =>
        ServeAsync(request, runId, $"data/{path}", inline: false, cancellationToken);

    [Function("GetRunGapFile")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public Task<IActionResult> GetGapFileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "runs/{runId}/gap/{*path}")] HttpRequest request,
        string runId,
        string path,
        CancellationToken cancellationToken) =>
        ServeAsync(request, runId, $"gap/{path}", inline: false, cancellationToken);

    /// <summary>runs/{runId}/datapackage.json and report.json, as the page links them.</summary>
    [Function("GetRunDocument")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status503ServiceUnavailable)]
    public Task<IActionResult> GetDocumentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "runs/{runId}/{document}.json")] HttpRequest request,
        string runId,
        string document,
        CancellationToken cancellationToken) =>
        ServeAsync(request, runId, $"{document}.json", inline: true, cancellationToken);

    private async Task<IActionResult> ServeAsync(HttpRequest request, string runId, string path, bool inline, CancellationToken cancellationToken) =>
        await StoreProblems.GuardAsync(async () =>
        {
            var lookup = await datasets.OpenRunFileAsync(runId, path, cancellationToken);
            return inline ? lookup.ToInlineResult(request) : lookup.ToResult(request, byRun: true);
        });
}
