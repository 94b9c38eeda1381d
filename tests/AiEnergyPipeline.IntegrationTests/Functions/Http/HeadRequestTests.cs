using System.Net;
using System.Text.Json;
using AiEnergyPipeline.Functions;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Functions.Http;

/// <summary>
/// Every read declares HEAD beside GET (FunctionsMetadataTests): clients such as curl -I and fsspec
/// ask for a file's size that way first. Here each kind of read, called as the host calls it and its
/// result executed by ASP.NET Core on Kestrel (as the worker's ASP.NET Core integration does), answers
/// a HEAD with its GET's status and headers and no body, a file with its length, and a conditional GET with 304.
/// </summary>
public sealed class HeadRequestTests
{
    private static readonly string[] ComparedHeaders =
        ["Content-Type", "ETag", "Last-Modified", "Cache-Control", "Content-Disposition", "Location", "X-Run-Id", "X-Run-Mode"];

    [Fact]
    public async Task Head_EveryKindOfRead_AnswersWhatItsGetAnswersWithoutTheBody()
    {
        await using var host = FunctionsHost.Create();
        var ingest = Assert.IsType<OkObjectResult>(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None));
        var runId = JsonSerializer.SerializeToElement(ingest.Value).GetProperty("run_id").GetString()!;
        var reads = new Dictionary<string, Func<HttpRequest, Task<IActionResult>>>(StringComparer.Ordinal)
        {
            ["/api/health"] = r => host.Function<HealthFunction>().RunAsync(r, CancellationToken.None),
            ["/api/datasets"] = r => host.Function<DatasetsFunction>().ListAsync(r, CancellationToken.None),
            ["/api/datasets/ba_annual"] = r => host.Function<DatasetsFunction>().GetAsync(r, "ba_annual", CancellationToken.None),
            ["/api/datasets/ba_hourly"] = r => host.Function<DatasetsFunction>().GetAsync(r, "ba_hourly", CancellationToken.None),
            ["/api/datasets/nothing"] = r => host.Function<DatasetsFunction>().GetAsync(r, "nothing", CancellationToken.None),
            ["/api/gap"] = r => host.Function<GapFunction>().GetAsync(r, CancellationToken.None),
            [$"/api/runs/{runId}"] = r => host.Function<RunsFunction>().GetAsync(r, runId, CancellationToken.None),
            ["/api/dashboard"] = r => host.Function<DashboardFunction>().GetLatestAsync(r, CancellationToken.None),
            [$"/api/runs/{runId}/dashboard"] = r => host.Function<DashboardFunction>().GetRunAsync(r, runId, CancellationToken.None),
            [$"/api/runs/{runId}/data/ba_hourly/2025_h2.parquet"] = r => host.Function<DashboardFunction>().GetDataFileAsync(r, runId, "ba_hourly/2025_h2.parquet", CancellationToken.None),
            [$"/api/runs/{runId}/gap/gap.svg"] = r => host.Function<DashboardFunction>().GetGapFileAsync(r, runId, "gap.svg", CancellationToken.None),
            [$"/api/runs/{runId}/datapackage.json"] = r => host.Function<DashboardFunction>().GetDocumentAsync(r, runId, "datapackage", CancellationToken.None),
            ["/api/openapi.json"] = r => Task.FromResult(host.Function<OpenApiFunction>().Get(r)),
        };
        var mvc = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();
        await using var server = await LocalHttpServer.StartAsync(async context =>
        {
            var result = await reads[context.Request.Path.Value!](context.Request);
            context.RequestServices = mvc;
            await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var statuses = new HashSet<HttpStatusCode>();
        var files = reads.Count;

        foreach (var path in reads.Keys.Select(p => p.TrimStart('/') + (p is "/api/datasets/ba_annual" or "/api/datasets/ba_hourly" ? "?format=csv" : "")))
        {
            using var get = await client.GetAsync(path);
            var body = await get.Content.ReadAsByteArrayAsync();
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.Equal((path, get.StatusCode), (path, head.StatusCode));
            statuses.Add(head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            Assert.Equal((path, Headers(get)), (path, Headers(head)));
            Assert.True(body.Length > 0 || get.StatusCode == HttpStatusCode.Redirect, $"{path}: GET has a body");
            if (head.Content.Headers.TryGetValues("Content-Length", out var length))
            {
                Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), Assert.Single(length));
            }
            else
            {
                // Only answers made as they are sent (JSON, problems, a redirect) have no length; a file's
                // HEAD says its size, what a client asks it for.
                Assert.Null(get.Headers.ETag);
                files--;
            }

            if (get.Headers.ETag is { } etag)
            {
                // A conditional request is still answered 304, with no body and no complaint from Kestrel about the length.
                using var conditional = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { IfNoneMatch = { etag } } };
                using var notModified = await client.SendAsync(conditional);
                Assert.Equal((path, HttpStatusCode.NotModified), (path, notModified.StatusCode));
                Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            }
        }

        // Files and JSON (200), a redirect and a problem (404) each answered HEAD.
        Assert.Superset(new HashSet<HttpStatusCode> { HttpStatusCode.OK, HttpStatusCode.Redirect, HttpStatusCode.NotFound }, statuses);
        // ba_annual, ba_hourly joined from its parts, a part's Parquet, gap.svg, report.json (GET /runs/{runId}), the page, datapackage.json, openapi.json
        Assert.Equal(8, files);
    }

    private static string Headers(HttpResponseMessage response) =>
        string.Join(" | ", ComparedHeaders.Select(name => $"{name}: {string.Join(",", response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : [])}"));
}
