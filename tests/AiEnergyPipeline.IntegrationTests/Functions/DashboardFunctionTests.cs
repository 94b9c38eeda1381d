using AiEnergyPipeline.Functions;
using Microsoft.AspNetCore.Mvc;

namespace AiEnergyPipeline.IntegrationTests.Functions;

/// <summary>The run's page over HTTP, with a real Azurite behind the function classes.</summary>
public sealed class DashboardFunctionTests
{
    [Fact]
    public async Task GetDashboard_AfterARun_RedirectsToTheLatestRunPageWhichServesItAndItsFiles()
    {
        await using var host = FunctionsHost.Create();
        var ingest = Assert.IsType<OkObjectResult>(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None));
        var runId = System.Text.Json.JsonSerializer.SerializeToElement(ingest.Value).GetProperty("run_id").GetString()!;
        var function = host.Function<DashboardFunction>();

        var redirect = Assert.IsType<RedirectResult>(await function.GetLatestAsync(host.Get(), CancellationToken.None));
        var pageRequest = host.Get();
        var page = Assert.IsType<FileStreamResult>(await function.GetRunAsync(pageRequest, runId, CancellationToken.None));
        var csvRequest = host.Get();
        var csv = Assert.IsType<FileStreamResult>(await function.GetDataFileAsync(csvRequest, runId, "ba_annual.csv", CancellationToken.None));
        var packageRequest = host.Get();
        var package = Assert.IsType<FileStreamResult>(await function.GetDocumentAsync(packageRequest, runId, "datapackage", CancellationToken.None));

        Assert.Equal($"runs/{runId}/dashboard", redirect.Url);
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        Assert.Equal("", page.FileDownloadName);
        Assert.StartsWith("default-src 'none'", pageRequest.HttpContext.Response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        using var reader = new StreamReader(page.FileStream);
        var html = await reader.ReadToEndAsync();
        Assert.Contains($"Run <strong>{runId}</strong>", html, StringComparison.Ordinal);
        Assert.Equal("SAMPLE-NOT-REAL-ba_annual.csv", csv.FileDownloadName);
        Assert.Equal((runId, "sample"), (csvRequest.HttpContext.Response.Headers["X-Run-Id"].ToString(), csvRequest.HttpContext.Response.Headers["X-Run-Mode"].ToString()));
        Assert.Equal("application/json; charset=utf-8", package.ContentType);
        Assert.Equal("sample", packageRequest.HttpContext.Response.Headers["X-Run-Mode"].ToString());
        await csv.FileStream.DisposeAsync();
        await package.FileStream.DisposeAsync();
    }

    [Fact]
    public async Task GetDataFile_APartFromTheRunPage_IsSavedUnderItsTablesName()
    {
        await using var host = FunctionsHost.Create();
        var ingest = Assert.IsType<OkObjectResult>(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None));
        var runId = System.Text.Json.JsonSerializer.SerializeToElement(ingest.Value).GetProperty("run_id").GetString()!;

        var part = Assert.IsType<FileStreamResult>(await host.Function<DashboardFunction>().GetDataFileAsync(host.Get(), runId, "ba_hourly/2025_h2.csv", CancellationToken.None));
        await part.FileStream.DisposeAsync();

        // As GET /api/datasets/ba_hourly?part=2025_h2 names it, not a bare 2025_h2.csv.
        Assert.Equal("SAMPLE-NOT-REAL-ba_hourly_2025_h2.csv", part.FileDownloadName);
    }

    [Fact]
    public async Task PageLinks_TheLatestRunAndAnotherRunsPage_AnswerOverHttp()
    {
        await using var host = FunctionsHost.Create();
        var ingest = Assert.IsType<OkObjectResult>(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None));
        var runId = System.Text.Json.JsonSerializer.SerializeToElement(ingest.Value).GetProperty("run_id").GetString()!;
        var function = host.Function<DashboardFunction>();

        // "The latest run" is ../../index.html from /api/runs/{runId}/dashboard: /api/index.html.
        var latest = Assert.IsType<RedirectResult>(await function.GetLatestPageAsync(host.Get(), CancellationToken.None));
        // Earlier runs and a recompute's base are ../{runId}/index.html: /api/runs/{runId}/index.html.
        var page = Assert.IsType<FileStreamResult>(await function.GetRunPageAsync(host.Get(), runId, CancellationToken.None));

        Assert.Equal($"runs/{runId}/index.html", latest.Url);
        Assert.Equal(("text/html; charset=utf-8", ""), (page.ContentType, page.FileDownloadName));
        using var reader = new StreamReader(page.FileStream);
        var html = await reader.ReadToEndAsync();
        Assert.Contains("href=\"../../index.html\"", html, StringComparison.Ordinal);
        Assert.Contains($"Run <strong>{runId}</strong>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_NamedByTheirRunOrReachedThroughLatest_SayHowLongACacheMayKeepThemAndWhenTheyWereWritten()
    {
        await using var host = FunctionsHost.Create();
        var ingest = Assert.IsType<OkObjectResult>(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None));
        var runId = System.Text.Json.JsonSerializer.SerializeToElement(ingest.Value).GetProperty("run_id").GetString()!;
        var (latestRequest, byRunRequest, fileRequest) = (host.Get("?format=csv"), host.Get($"?format=csv&run={runId}"), host.Get());

        var latest = Assert.IsType<FileStreamResult>(await host.Function<DatasetsFunction>().GetAsync(latestRequest, "ba_annual", CancellationToken.None));
        var byRun = Assert.IsType<FileStreamResult>(await host.Function<DatasetsFunction>().GetAsync(byRunRequest, "ba_annual", CancellationToken.None));
        var file = Assert.IsType<FileStreamResult>(await host.Function<DashboardFunction>().GetDataFileAsync(fileRequest, runId, "ba_annual.csv", CancellationToken.None));

        // Reached through latest.json: the next run replaces it, so a cache asks again (with the ETag).
        Assert.Equal("no-cache", latestRequest.HttpContext.Response.Headers.CacheControl.ToString());
        // Named by its run: never changes.
        Assert.Equal("public, max-age=31536000, immutable", byRunRequest.HttpContext.Response.Headers.CacheControl.ToString());
        Assert.Equal("public, max-age=31536000, immutable", fileRequest.HttpContext.Response.Headers.CacheControl.ToString());
        Assert.All(new[] { latest, byRun, file }, f => Assert.NotNull(f.LastModified));
        foreach (var f in new[] { latest, byRun, file })
        {
            await f.FileStream.DisposeAsync();
        }
    }

    [Fact]
    public async Task ListDatasets_AfterARun_NamesThePageWhichServesIt()
    {
        await using var host = FunctionsHost.Create();
        await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);

        var list = Assert.IsType<OkObjectResult>(await host.Function<DatasetsFunction>().ListAsync(host.Get(), CancellationToken.None));
        var json = System.Text.Json.JsonSerializer.SerializeToElement(list.Value);
        var runId = json.GetProperty("run_id").GetString()!;
        var pageUrl = json.GetProperty("page").GetString();

        Assert.Equal($"/api/runs/{runId}/dashboard", pageUrl);
        var page = Assert.IsType<FileStreamResult>(await host.Function<DashboardFunction>().GetRunAsync(host.Get(), runId, CancellationToken.None));
        Assert.Equal("text/html; charset=utf-8", page.ContentType);
        await page.FileStream.DisposeAsync();
    }

    [Fact]
    public async Task GetDashboard_NothingPublished_IsNotFound()
    {
        await using var host = FunctionsHost.Create();

        var result = Assert.IsType<ObjectResult>(await host.Function<DashboardFunction>().GetLatestAsync(host.Get(), CancellationToken.None));

        Assert.Equal(404, result.StatusCode);
    }

    [Fact]
    public async Task GetRunDataFile_PathNotListedInThePackage_IsNotFound()
    {
        await using var host = FunctionsHost.Create();
        var ingest = Assert.IsType<OkObjectResult>(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None));
        var runId = System.Text.Json.JsonSerializer.SerializeToElement(ingest.Value).GetProperty("run_id").GetString()!;

        foreach (var path in new[] { "../../latest.json", "ba_annual.txt", "" })
        {
            var result = Assert.IsType<ObjectResult>(await host.Function<DashboardFunction>().GetDataFileAsync(host.Get(), runId, path, CancellationToken.None));

            Assert.Equal(404, result.StatusCode);
        }
    }

    [Fact]
    public async Task GetRunDashboard_InvalidRunId_IsBadRequest()
    {
        await using var host = FunctionsHost.Create();

        var result = Assert.IsType<ObjectResult>(await host.Function<DashboardFunction>().GetRunAsync(host.Get(), "../x", CancellationToken.None));

        Assert.Equal(400, result.StatusCode);
    }
}
