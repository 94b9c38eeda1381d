using System.Text;
using System.Text.Json;
using AiEnergyPipeline.Functions;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Functions;

/// <summary>The reading endpoints when the store is damaged or down: 503 problem details naming the cause, never an exception.</summary>
public class StoreFailureFunctionsTests
{
    private static string Problem503(IActionResult result)
    {
        var answer = Assert.IsType<ObjectResult>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, answer.StatusCode);
        return Assert.IsType<ProblemDetails>(answer.Value).Detail!;
    }

    /// <summary>The pipeline on a blob store nobody listens for, without retries.</summary>
    private static ServiceProvider StoreDown() => TestPipeline.Build(new Dictionary<string, string?>
    {
        ["PublishedStorage:ConnectionString"] = ClosedPort.BlobConnectionString(),
        ["PublishedStorage:MaxRetries"] = "0",
    });

    private static HttpRequest Post(FunctionsHost host, string body) =>
        new DefaultHttpContext { RequestServices = host.Services, Request = { Method = "POST", Body = new MemoryStream(Encoding.UTF8.GetBytes(body)), ContentType = "application/json" } }.Request;

    [Fact]
    public async Task ReadingEndpoints_LatestJsonIsAnArrayOnAzurite_Answer503NamingItAndTheNextIngestRepairs()
    {
        await using var host = FunctionsHost.Create();
        var first = JsonSerializer.SerializeToElement(Assert.IsType<OkObjectResult>(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None)).Value).GetProperty("run_id").GetString();
        var store = host.Services.GetRequiredService<IDatasetStore>();
        await store.WriteAsync(RunPublisher.LatestPath, new MemoryStream("[1,2]"u8.ToArray()), WriteCondition.None);

        var list = Problem503(await host.Function<DatasetsFunction>().ListAsync(host.Get(), CancellationToken.None));
        var get = Problem503(await host.Function<DatasetsFunction>().GetAsync(host.Get("?format=csv"), "ba_annual", CancellationToken.None));
        var gap = Problem503(await host.Function<GapFunction>().GetAsync(host.Get(), CancellationToken.None));
        var recompute = Problem503(await host.Function<RecomputeFunction>().RunAsync(Post(host, "{}"), CancellationToken.None));
        var (healthStatus, health) = await HealthFunctionTests.HealthAsync(host);
        host.Time.Advance(TimeSpan.FromHours(1));
        var repaired = JsonSerializer.SerializeToElement(Assert.IsType<OkObjectResult>(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None)).Value);
        var listed = JsonSerializer.SerializeToElement(Assert.IsType<OkObjectResult>(await host.Function<DatasetsFunction>().ListAsync(host.Get(), CancellationToken.None)).Value);

        foreach (var detail in new[] { list, get, gap, recompute })
        {
            Assert.StartsWith("latest.json is not a valid pointer:", detail, StringComparison.Ordinal);
        }

        Assert.EndsWith("The next run publishes a whole run in its place.", list, StringComparison.Ordinal);
        Assert.Equal((503, "degraded"), (healthStatus, health.GetProperty("status").GetString()));
        Assert.Equal("latest_damaged", health.GetProperty("reasons")[0].GetProperty("code").GetString());
        Assert.NotEqual(first, repaired.GetProperty("run_id").GetString());
        Assert.Equal(repaired.GetProperty("run_id").GetString(), listed.GetProperty("run_id").GetString());
    }

    [Fact]
    public async Task ReadingEndpoints_StoreDown_Answer503NamingTheRefusedConnection()
    {
        await using var services = StoreDown();
        var datasets = ActivatorUtilities.CreateInstance<DatasetsFunction>(services);
        var runs = ActivatorUtilities.CreateInstance<RunsFunction>(services);
        var request = new DefaultHttpContext { RequestServices = services }.Request;

        var list = Problem503(await datasets.ListAsync(request, CancellationToken.None));
        var report = Problem503(await runs.GetAsync(request, "20261127T060000Z-ab12cd", CancellationToken.None));

        Assert.StartsWith("reading the store failed: reading 'latest.json' in http://127.0.0.1:", list, StringComparison.Ordinal);
        Assert.Contains("Connection refused", list, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("runs/20261127T060000Z-ab12cd/report.json", report, StringComparison.Ordinal);
    }
    [Fact]
    public async Task IngestAndRecompute_StoreDown_AnswerProblemDetailsNamingTheRefusedConnection()
    {
        await using var services = StoreDown();
        var ingest = ActivatorUtilities.CreateInstance<IngestFunction>(services);
        var recompute = ActivatorUtilities.CreateInstance<RecomputeFunction>(services);
        var request = new DefaultHttpContext { RequestServices = services }.Request;
        var post = new DefaultHttpContext { RequestServices = services, Request = { Method = "POST", Body = new MemoryStream("{}"u8.ToArray()), ContentType = "application/json" } }.Request;

        var ingestAnswer = Assert.IsType<ObjectResult>(await ingest.RunAsync(request, CancellationToken.None));
        var recomputed = Problem503(await recompute.RunAsync(post, CancellationToken.None));

        Assert.Equal(StatusCodes.Status502BadGateway, ingestAnswer.StatusCode);
        var detail = Assert.IsType<ProblemDetails>(ingestAnswer.Value).Detail!;
        Assert.StartsWith("the store failed: ", detail, StringComparison.Ordinal);
        Assert.Contains("Connection refused", detail, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Connection refused", recomputed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Recompute_LatestRunNotWhole_Answers503LikeTheReadingEndpoints()
    {
        await using var host = FunctionsHost.Create();
        var run = JsonSerializer.SerializeToElement(Assert.IsType<OkObjectResult>(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None)).Value).GetProperty("run_id").GetString();
        await host.Services.GetRequiredService<IDatasetStore>().DeleteAsync($"runs/{run}/data/generators.parquet", CancellationToken.None);

        var detail = Problem503(await host.Function<RecomputeFunction>().RunAsync(Post(host, "{}"), CancellationToken.None));

        Assert.Contains("generators.parquet", detail, StringComparison.Ordinal);
    }
    [Fact]
    public async Task Gap_HeadlineChangedInTheStoreToTheSameSize_Answers503NamingIt()
    {
        await using var host = FunctionsHost.Create();
        var run = JsonSerializer.SerializeToElement(Assert.IsType<OkObjectResult>(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None)).Value).GetProperty("run_id").GetString();
        var store = host.Services.GetRequiredService<IDatasetStore>();
        var path = $"runs/{run}/gap/headline.json";
        byte[] bytes;
        await using (var opened = (await store.OpenReadAsync(path, CancellationToken.None))!)
        {
            using var copy = new MemoryStream();
            await opened.Content.CopyToAsync(copy);
            bytes = copy.ToArray();
        }

        // Same size, so the size check before serving passes: only the sha256 can tell.
        bytes[^3] = (byte)'{';
        await store.WriteAsync(path, new MemoryStream(bytes), WriteCondition.None);

        var detail = Problem503(await host.Function<GapFunction>().GetAsync(host.Get(), CancellationToken.None));

        Assert.Contains("gap/headline.json", detail, StringComparison.Ordinal);
    }
}
