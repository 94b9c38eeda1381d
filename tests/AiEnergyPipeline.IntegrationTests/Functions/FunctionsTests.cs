using System.Text.Json;
using AiEnergyPipeline.Functions;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using AiEnergyPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Functions;

/// <summary>The function classes, called directly, with a real Azurite behind them.</summary>
public class FunctionsTests
{
    private static JsonElement Json(IActionResult result)
    {
        var ok = Assert.IsType<OkObjectResult>(result);
        return JsonSerializer.SerializeToElement(ok.Value);
    }

    private static async Task<string> ReadAsync(IActionResult result)
    {
        var file = Assert.IsType<FileStreamResult>(result);
        using var reader = new StreamReader(file.FileStream);
        return await reader.ReadToEndAsync();
    }

    private static string SnapshotWithChangedDemand()
    {
        var snapshot = TestPaths.CopyOfSnapshot();
        var bulk = Path.Combine(snapshot, TestPaths.BulkSnapshotFile);
        var lines = File.ReadAllLines(bulk);
        // CISO's first hour: adjusted demand 21,334 MW becomes 99,999 MW.
        lines[1] = lines[1].Replace("\"21,334\"", "\"99,999\"", StringComparison.Ordinal);
        File.WriteAllLines(bulk, lines);
        return snapshot;
    }

    [Fact]
    public async Task IngestThenDatasets_TwoPublishesToAzurite_ServeTheLatestRunAndStillTheFirstByRunId()
    {
        var container = Azurite.NewContainer().Name;
        string firstRun;
        await using (var host = FunctionsHost.Create(container: container))
        {
            firstRun = Json(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None)).GetProperty("run_id").GetString()!;
        }

        await using var second = FunctionsHost.Create(SnapshotWithChangedDemand(), container);
        second.Time.Advance(TimeSpan.FromDays(1));
        var secondRun = Json(await second.Function<IngestFunction>().RunAsync(second.Get(), CancellationToken.None)).GetProperty("run_id").GetString()!;
        var datasets = second.Function<DatasetsFunction>();

        Assert.NotEqual(firstRun, secondRun);
        Assert.True(string.CompareOrdinal(firstRun, secondRun) < 0);
        var list = Json(await datasets.ListAsync(second.Get(), CancellationToken.None));
        Assert.Equal(secondRun, list.GetProperty("run_id").GetString());
        Assert.Superset(new HashSet<string?> { "ba_hourly", "ba_annual", "quarantine" }, list.GetProperty("datasets").EnumerateArray().Select(d => d.GetProperty("name").GetString()).ToHashSet());
        var hourly = list.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("name").GetString() == "ba_hourly" && d.GetProperty("format").GetString() == "csv");
        Assert.Equal(["2025_h1", "2025_h2", "api"], hourly.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("part").GetString()));
        Assert.Equal(hourly.GetProperty("rows").GetInt64(), hourly.GetProperty("parts").EnumerateArray().Sum(p => p.GetProperty("rows").GetInt64()));
        // The whole table: every part under one header; one part: the BALANCE half-year that changed.
        var wholeCsv = await ReadAsync(await datasets.GetAsync(second.Get("?format=csv"), "ba_hourly", CancellationToken.None));
        Assert.Single(wholeCsv.Split('\n'), l => l.StartsWith("balancing_authority_code,", StringComparison.Ordinal));
        Assert.Contains("\nCISO,2025-12-25T09:00:00Z,demand,99999,bulk,false,ok,sample\n", wholeCsv, StringComparison.Ordinal);
        Assert.Equal(hourly.GetProperty("rows").GetInt64() + 1, wholeCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var latestCsv = await ReadAsync(await datasets.GetAsync(second.Get("?format=csv&part=2025_h2"), "ba_hourly", CancellationToken.None));
        var firstCsv = await ReadAsync(await datasets.GetAsync(second.Get($"?run={firstRun}&part=2025_h2"), "ba_hourly", CancellationToken.None));
        Assert.StartsWith("balancing_authority_code,period_end_utc,series,value_mw,source,imputed,quality,origin\nCISO,2025-12-25T09:00:00Z,demand,99999,bulk,false,ok,sample\n", latestCsv, StringComparison.Ordinal);
        Assert.StartsWith("balancing_authority_code,period_end_utc,series,value_mw,source,imputed,quality,origin\nCISO,2025-12-25T09:00:00Z,demand,21334,bulk,false,ok,sample\n", firstCsv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDataset_Found_StreamsCsvWithContentTypeAndFileName()
    {
        await using var host = FunctionsHost.Create();
        await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);

        var request = host.Get();
        var result = Assert.IsType<FileStreamResult>(await host.Function<DatasetsFunction>().GetAsync(request, "ba_annual", CancellationToken.None));

        Assert.Equal("text/csv; charset=utf-8", result.ContentType);
        Assert.Equal("SAMPLE-NOT-REAL-ba_annual.csv", result.FileDownloadName);
        Assert.NotNull(result.EntityTag);
        // The file cannot say it is a sample's: its headers do, to a client that skipped the listing.
        Assert.Equal("sample", request.HttpContext.Response.Headers["X-Run-Mode"].ToString());
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}$", request.HttpContext.Response.Headers["X-Run-Id"].ToString());
        Assert.StartsWith("balancing_authority_code,year,peak_demand_mw", await ReadAsync(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDataset_BlobChangedAfterPublishing_TheStreamFailsAtItsEndInsteadOfCompleting()
    {
        var container = Azurite.NewContainer();
        await using var host = FunctionsHost.Create(container: container.Name);
        var runId = Json(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None)).GetProperty("run_id").GetString()!;
        var blob = container.GetBlobClient($"runs/{runId}/data/ba_annual.csv");
        var bytes = (await blob.DownloadContentAsync()).Value.Content.ToArray();
        bytes[^2] = bytes[^2] == (byte)'9' ? (byte)'8' : (byte)'9';
        await blob.UploadAsync(new BinaryData(bytes), overwrite: true);

        var result = Assert.IsType<FileStreamResult>(await host.Function<DatasetsFunction>().GetAsync(host.Get(), "ba_annual", CancellationToken.None));

        // Executed as ASP.NET Core executes it, on Kestrel: the stream fails at its end, after the
        // headers went out, so the response is cut off and the client never gets a complete download.
        Exception? thrown = null;
        var mvc = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();
        await using var server = await LocalHttpServer.StartAsync(async context =>
        {
            context.RequestServices = mvc;
            try
            {
                await result.ExecuteResultAsync(new ActionContext(context, new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
            }
            catch (Exception e)
            {
                thrown = e;
                throw;
            }
        });
        using var client = new HttpClient();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetByteArrayAsync(server.BaseAddress));
        var error = Assert.IsType<AiEnergyPipeline.Datasets.DamagedFileException>(thrown);
        Assert.StartsWith("data/ba_annual.csv is damaged in the store", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gap_by_year", "", "gap_by_year.csv", "scenario_id,year,ai_demand_gw")]
    [InlineData("headline", "", "headline.json", "{")]
    [InlineData("gap", "?format=svg", "gap.svg", "<svg")]
    public async Task GetDataset_GapOutputs_AreServedFromTheRunsGapFolder(string name, string query, string fileName, string start)
    {
        await using var host = FunctionsHost.Create();
        await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);

        var result = Assert.IsType<FileStreamResult>(await host.Function<DatasetsFunction>().GetAsync(host.Get(query), name, CancellationToken.None));

        Assert.Equal("SAMPLE-NOT-REAL-" + fileName, result.FileDownloadName);
        Assert.StartsWith(start, (await ReadAsync(result)).TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..", "", "name")]
    [InlineData("..%2F..%2Flatest", "", "name")]
    [InlineData("BA_HOURLY", "", "name")]
    [InlineData("ba_hourly.csv", "", "name")]
    [InlineData("ba_hourly", "?format=xml", "format")]
    [InlineData("ba_hourly", "?format=csv&format=json", "format")]
    [InlineData("ba_hourly", "?run=../../x", "run")]
    [InlineData("ba_hourly", "?run=latest", "run")]
    [InlineData("ba_hourly", "?part=../2025_h1", "part")]
    [InlineData("ba_hourly", "?part=2025_h1&part=api", "part")]
    public async Task GetDataset_InvalidNameFormatOrRun_Answers400NamingTheField(string name, string query, string field)
    {
        await using var host = FunctionsHost.Create();

        var result = Assert.IsType<ObjectResult>(await host.Function<DatasetsFunction>().GetAsync(host.Get(query), name, CancellationToken.None));

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("application/problem+json", result.ContentTypes);
        var problem = Assert.IsType<ValidationProblemDetails>(result.Value);
        Assert.Equal([field], problem.Errors.Keys);
    }

    [Fact]
    public async Task GetDataset_UnknownName_Answers404WithAJsonProblem()
    {
        await using var host = FunctionsHost.Create();
        await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);

        var result = Assert.IsType<ObjectResult>(await host.Function<DatasetsFunction>().GetAsync(host.Get(), "no_such_table", CancellationToken.None));

        Assert.Equal(404, result.StatusCode);
        var problem = Assert.IsType<ProblemDetails>(result.Value);
        Assert.Contains("no dataset 'no_such_table'", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAndGet_NothingPublishedYet_Answer404()
    {
        await using var host = FunctionsHost.Create();
        var datasets = host.Function<DatasetsFunction>();

        Assert.Equal(404, Assert.IsType<ObjectResult>(await datasets.ListAsync(host.Get(), CancellationToken.None)).StatusCode);
        Assert.Equal(404, Assert.IsType<ObjectResult>(await datasets.GetAsync(host.Get(), "ba_hourly", CancellationToken.None)).StatusCode);
    }

    [Fact]
    public async Task IngestAndPublish_TimerPastDueThenFiredAgain_PublishesOneRunAndLogsThePastDue()
    {
        await using var host = FunctionsHost.Create();
        var timer = host.Function<IngestAndPublishFunction>();

        await timer.RunAsync(new TimerInfo { IsPastDue = true }, CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await timer.RunAsync(new TimerInfo { IsPastDue = false }, CancellationToken.None);

        Assert.Contains(host.Logs.Lines, l => l.Contains("past due", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains("Unchanged", StringComparison.Ordinal));
        var runs = new HashSet<string>();
        await foreach (var item in host.Services.GetRequiredService<IDatasetStore>().ListAsync("runs/"))
        {
            runs.Add(item.Path.Split('/')[1]);
        }

        Assert.Single(runs);
    }

    [Fact]
    public async Task IngestAndPublish_TwoInstancesFireAtOnceForOneOccurrence_PublishOneRunThatIsLatest()
    {
        var container = Azurite.NewContainer().Name;
        await using var first = FunctionsHost.Create(container: container);
        await using var second = FunctionsHost.Create(container: container);

        await Task.WhenAll(
            first.Function<IngestAndPublishFunction>().RunAsync(new TimerInfo(), CancellationToken.None),
            second.Function<IngestAndPublishFunction>().RunAsync(new TimerInfo(), CancellationToken.None));

        var store = first.Services.GetRequiredService<IDatasetStore>();
        var runs = new HashSet<string>();
        await foreach (var item in store.ListAsync("runs/"))
        {
            runs.Add(item.Path.Split('/')[1]);
        }

        var run = Assert.Single(runs);
        var latest = Json(await first.Function<DatasetsFunction>().ListAsync(first.Get(), CancellationToken.None));
        Assert.Equal(run, latest.GetProperty("run_id").GetString());
    }

    [Fact]
    public async Task IngestAndPublish_SourceFails_ThrowsSoTheHostRecordsAFailure()
    {
        var snapshot = TestPaths.CopyOfSnapshot();
        File.Delete(Path.Combine(snapshot, TestPaths.BulkSnapshotFile));
        await using var host = FunctionsHost.Create(snapshot);

        var error = await Assert.ThrowsAsync<PipelineRunFailedException>(() => host.Function<IngestAndPublishFunction>().RunAsync(new TimerInfo(), CancellationToken.None));

        Assert.Contains("eia930_bulk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_AfterAPublish_ReportsOkAndTheLatestRun()
    {
        await using var host = FunctionsHost.Create();
        var run = Json(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None)).GetProperty("run_id").GetString();

        var (status, health) = await HealthFunctionTests.HealthAsync(host);

        Assert.Equal((200, "ok"), (status, health.GetProperty("status").GetString()));
        Assert.Equal(run, health.GetProperty("latest_run_id").GetString());
    }

    [Fact]
    public async Task GetRun_PublishedAndInvalidIds_ServeTheReportOr400()
    {
        await using var host = FunctionsHost.Create();
        var run = Json(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None)).GetProperty("run_id").GetString()!;
        var runs = host.Function<RunsFunction>();

        var request = host.Get();
        var report = JsonDocument.Parse(await ReadAsync(await runs.GetAsync(request, run, CancellationToken.None))).RootElement;
        var invalid = Assert.IsType<ObjectResult>(await runs.GetAsync(host.Get(), "../latest", CancellationToken.None));
        var missing = Assert.IsType<ObjectResult>(await runs.GetAsync(host.Get(), "20000101T000000Z-000000", CancellationToken.None));

        Assert.Equal(("published", run), (report.GetProperty("status").GetString(), report.GetProperty("run_id").GetString()));
        Assert.Equal((400, 404), (invalid.StatusCode, missing.StatusCode));
        // The report of a sample run says so in its header too, as every file served does.
        Assert.Equal((run, "sample"), (request.HttpContext.Response.Headers["X-Run-Id"].ToString(), request.HttpContext.Response.Headers["X-Run-Mode"].ToString()));
    }
}
