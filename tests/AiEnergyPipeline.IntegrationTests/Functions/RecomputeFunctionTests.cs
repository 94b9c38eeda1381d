using System.Text;
using System.Text.Json;
using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Functions;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Functions;

/// <summary>POST /api/recompute and GET /api/gap, called directly, with a real Azurite behind them.</summary>
public class RecomputeFunctionTests
{
    private const string ReserveMargin025 = """{"assumptions":{"reserve_margin":0.25}}""";

    private static HttpRequest Post(FunctionsHost host, string body) => Post(host, Encoding.UTF8.GetBytes(body));

    private static HttpRequest Post(FunctionsHost host, byte[] body) =>
        new DefaultHttpContext { RequestServices = host.Services, Request = { Method = "POST", Body = new MemoryStream(body), ContentType = "application/json" } }.Request;

    private static JsonElement Ok(IActionResult result) => JsonSerializer.SerializeToElement(Assert.IsType<OkObjectResult>(result).Value);

    private static async Task<string> IngestAsync(FunctionsHost host) =>
        Ok(await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None)).GetProperty("run_id").GetString()!;

    private static Task<IActionResult> RecomputeAsync(FunctionsHost host, string body)
    {
        // A recompute starts later than the ingest it derives from, as it would in use.
        host.Time.Advance(TimeSpan.FromMinutes(5));
        return host.Function<RecomputeFunction>().RunAsync(Post(host, body), CancellationToken.None);
    }

    /// <summary>latest.json's bytes and the run folders, to show that nothing was published.</summary>
    private static async Task<(string Latest, string[] Runs)> PublishedStateAsync(FunctionsHost host)
    {
        var store = host.Services.GetRequiredService<IDatasetStore>();
        await using var latest = await store.OpenReadAsync(RunPublisher.LatestPath);
        using var reader = new StreamReader(latest!.Content);
        var runs = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var info in store.ListAsync("runs/"))
        {
            runs.Add(info.Path.Split('/')[1]);
        }

        return (await reader.ReadToEndAsync(), [.. runs]);
    }

    private static async Task<Dictionary<(string, long), JsonElement>> GapRowsAsync(FunctionsHost host, string runId)
    {
        var gap = host.Services.GetRequiredService<PublishedGap>();
        var rows = new Dictionary<(string, long), JsonElement>();
        foreach (var scenario in (await gap.HeadlineAsync(runId, CancellationToken.None)).Scenarios)
        {
            foreach (var row in await gap.RowsAsync(runId, scenario.ScenarioId, CancellationToken.None))
            {
                rows[(scenario.ScenarioId, (long)row["year"]!)] = JsonSerializer.SerializeToElement(row);
            }
        }

        return rows;
    }

    private static ValidationProblemDetails Problem(IActionResult result, int status)
    {
        var objectResult = Assert.IsType<ObjectResult>(result);
        Assert.Equal(status, objectResult.StatusCode);
        Assert.Contains("application/problem+json", objectResult.ContentTypes);
        return Assert.IsType<ValidationProblemDetails>(objectResult.Value);
    }

    [Theory]
    [InlineData("""{"assumptions":{"no_such_assumption":1}}""", "assumptions.no_such_assumption")]
    [InlineData("""{"assumptions":{"reserve_margin":"high"}}""", "assumptions.reserve_margin")]
    [InlineData("""{"assumptions":{"accreditation_factor.solar_pv":1.5}}""", "assumptions.accreditation_factor.solar_pv")]
    [InlineData("""{"base_year":1800}""", "base_year")]
    [InlineData("""{"assumptions":{"reserve_margin":0.25}""", "body")]
    public async Task Recompute_InvalidBody_Answers400WithTheFieldAndPublishesNothing(string body, string field)
    {
        await using var host = FunctionsHost.Create();
        await IngestAsync(host);
        var before = await PublishedStateAsync(host);

        var problem = Problem(await RecomputeAsync(host, body), StatusCodes.Status400BadRequest);

        Assert.Contains(field, problem.Errors.Keys);
        Assert.All(problem.Errors.Values, messages => Assert.NotEmpty(messages));
        var after = await PublishedStateAsync(host);
        Assert.Equal(before.Latest, after.Latest);
        Assert.Equal(before.Runs, after.Runs);
    }

    [Theory]
    [InlineData("""{"assumptions":{"other_load_growth_gw_per_year":1e306}}""", "assumptions.other_load_growth_gw_per_year", "1E+306 is outside the range of other_load_growth_gw_per_year, [0, 2000] GW/year")]
    [InlineData("""{"assumptions":{"other_load_growth_gw_per_year":1e308}}""", "assumptions.other_load_growth_gw_per_year", "1E+308 is outside the range of other_load_growth_gw_per_year, [0, 2000] GW/year")]
    [InlineData("""{"assumptions":{"load_factor.data_centre":5e-324}}""", "assumptions.load_factor.data_centre", "5E-324 is outside the range of load_factor.data_centre, [0.01, 1] fraction")]
    [InlineData("""{"scenarios":[{"scenario_id":"anthropic_build_ai_2028","points":[{"year":2028,"ai_load_gw":1e300}]}]}""", "scenarios[0].points[0].ai_load_gw", "1E+300 is outside the range of ai_load_gw, [0, 2000] GW")]
    [InlineData("""{"scenarios":[{"scenario_id":"x\u0000\u001b[31m","points":[{"year":2028,"ai_load_gw":1}]}]}""", "scenarios[0].scenario_id", "'x\\u0000\\u001b[31m' is not a snake_case id")]
    public async Task Recompute_AbsurdBody_Answers400NamingTheFieldValueAndRangeAndPublishesNothing(string body, string field, string message)
    {
        await using var host = FunctionsHost.Create();
        await IngestAsync(host);
        var before = await PublishedStateAsync(host);

        var problem = Problem(await RecomputeAsync(host, body), StatusCodes.Status400BadRequest);

        Assert.StartsWith(message, Assert.Single(problem.Errors[field]), StringComparison.Ordinal);
        Assert.DoesNotContain(problem.Errors.Values.SelectMany(m => m), m => m.Any(char.IsControl));
        var after = await PublishedStateAsync(host);
        Assert.Equal(before.Latest, after.Latest);
        Assert.Equal(before.Runs, after.Runs);
    }

    [Fact]
    public async Task Recompute_ValuesAtTheEdgesOfTheirRanges_Publishes()
    {
        await using var host = FunctionsHost.Create();
        await IngestAsync(host);

        var result = await RecomputeAsync(host, """{"assumptions":{"other_load_growth_gw_per_year":2000,"load_factor.data_centre":0.01,"reserve_margin":1},"scenarios":[{"scenario_id":"anthropic_build_ai_2028","points":[{"year":2028,"ai_load_gw":2000}]}]}""");

        Assert.Equal("published", Ok(result).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Recompute_BodyOverOneMebibyte_Answers400OnTheBodyAndPublishesNothing()
    {
        await using var host = FunctionsHost.Create();
        await IngestAsync(host);
        var before = await PublishedStateAsync(host);
        var body = new byte[1_048_577];
        Array.Fill(body, (byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';

        host.Time.Advance(TimeSpan.FromMinutes(5));
        var problem = Problem(await host.Function<RecomputeFunction>().RunAsync(Post(host, body), CancellationToken.None), StatusCodes.Status400BadRequest);

        Assert.Contains("1 MiB", Assert.Single(problem.Errors["body"]), StringComparison.Ordinal);
        var after = await PublishedStateAsync(host);
        Assert.Equal(before.Latest, after.Latest);
        Assert.Equal(before.Runs, after.Runs);
    }

    [Fact]
    public async Task Recompute_NothingPublished_Answers404()
    {
        await using var host = FunctionsHost.Create();

        var result = Assert.IsType<ObjectResult>(await RecomputeAsync(host, ReserveMargin025));

        Assert.Equal(StatusCodes.Status404NotFound, result.StatusCode);
        Assert.Contains("run an ingest first", Assert.IsType<ProblemDetails>(result.Value).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recompute_ReserveMargin025_EveryGapChangesByDemandTimesTheMarginDelta()
    {
        await using var host = FunctionsHost.Create();
        var ingest = await IngestAsync(host);

        var answer = Ok(await RecomputeAsync(host, ReserveMargin025));

        Assert.Equal("published", answer.GetProperty("status").GetString());
        var runId = answer.GetProperty("run_id").GetString()!;
        Assert.NotEqual(ingest, runId);
        Assert.Equal(ingest, answer.GetProperty("derived_from").GetString());
        Assert.True(answer.GetProperty("headline").GetArrayLength() > 0);
        var before = await GapRowsAsync(host, ingest);
        var after = await GapRowsAsync(host, runId);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (key, old) in before)
        {
            var changed = after[key];
            Assert.Equal(0.18, old.GetProperty("reserve_margin").GetDouble());
            Assert.Equal(0.25, changed.GetProperty("reserve_margin").GetDouble());
            var load = old.GetProperty("ai_demand_gw").GetDouble() + old.GetProperty("other_load_growth_gw").GetDouble();
            var delta = changed.GetProperty("gap_gw").GetDouble() - old.GetProperty("gap_gw").GetDouble();
            // Each gap is rounded to 6 decimals, so the difference of two carries up to 1e-6 of rounding.
            Assert.InRange(delta - (load * (0.25 - 0.18)), -1.000001e-6, 1.000001e-6);
        }
    }

    [Fact]
    public async Task Recompute_Published_DataPackageRecordsDerivedFromAndOverridesAndKeepsTheTablesByteForByte()
    {
        await using var host = FunctionsHost.Create();
        var ingest = await IngestAsync(host);
        var store = host.Services.GetRequiredService<IDatasetStore>();

        var runId = Ok(await RecomputeAsync(host, ReserveMargin025)).GetProperty("run_id").GetString()!;

        var previous = await PublishedRun.ReadPackageAsync(store, ingest, CancellationToken.None);
        var package = await PublishedRun.ReadPackageAsync(store, runId, CancellationToken.None);
        Assert.Equal(ingest, package.DerivedFrom);
        Assert.Equal(0.25, package.Overrides!.Value.GetProperty("assumptions").GetProperty("reserve_margin").GetDouble());
        Assert.Equal(previous.InputsSha256, package.BaseInputsSha256);
        Assert.Equal(
            previous.Resources.Where(r => r.Path.StartsWith("data/", StringComparison.Ordinal)).Select(r => (r.Name, r.Sha256)),
            package.Resources.Where(r => r.Path.StartsWith("data/", StringComparison.Ordinal)).Select(r => (r.Name, r.Sha256)));
        Assert.NotEqual(
            previous.Resources.Single(r => r.Name == "gap_by_year").Sha256,
            package.Resources.Single(r => r.Name == "gap_by_year").Sha256);
        await using var report = await store.OpenReadAsync(RunPublisher.ReportPath(runId));
        var reportJson = await JsonDocument.ParseAsync(report!.Content);
        Assert.Equal("recompute", reportJson.RootElement.GetProperty("trigger").GetString());
    }

    [Fact]
    public async Task Recompute_SameBodyTwice_SecondIsUnchangedAndPublishesNothing()
    {
        await using var host = FunctionsHost.Create();
        await IngestAsync(host);
        var first = Ok(await RecomputeAsync(host, ReserveMargin025));
        var state = await PublishedStateAsync(host);

        var second = Ok(await RecomputeAsync(host, """{ "assumptions": { "reserve_margin": 0.250 } }"""));

        Assert.Equal("unchanged", second.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("run_id").GetString(), second.GetProperty("run_id").GetString());
        var now = await PublishedStateAsync(host);
        Assert.Equal(state.Latest, now.Latest);
        Assert.Equal(state.Runs, now.Runs);
    }

    [Fact]
    public async Task Recompute_EmptyBodyRightAfterAnIngest_IsUnchanged()
    {
        await using var host = FunctionsHost.Create();
        var ingest = await IngestAsync(host);

        var answer = Ok(await RecomputeAsync(host, ""));

        Assert.Equal("unchanged", answer.GetProperty("status").GetString());
        Assert.Equal(ingest, answer.GetProperty("run_id").GetString());
        Assert.Single((await PublishedStateAsync(host)).Runs);
    }

    [Fact]
    public async Task GetGap_Scenario_ServesTheLatestRunsRowsOfThatScenarioAndItsHeadline()
    {
        await using var host = FunctionsHost.Create();
        await IngestAsync(host);
        var runId = Ok(await RecomputeAsync(host, ReserveMargin025)).GetProperty("run_id").GetString()!;

        var answer = Ok(await host.Function<GapFunction>().GetAsync(host.Get("?scenario=anthropic_build_ai_2028"), CancellationToken.None));

        Assert.Equal(runId, answer.GetProperty("run_id").GetString());
        Assert.Equal("anthropic_build_ai_2028", answer.GetProperty("headline").GetProperty("scenario_id").GetString());
        var rows = answer.GetProperty("gap_by_year").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("anthropic_build_ai_2028", r.GetProperty("scenario_id").GetString()));
        Assert.All(rows, r => Assert.Equal(0.25, r.GetProperty("reserve_margin").GetDouble()));
        Assert.Contains(rows, r => r.GetProperty("year").GetInt64() == 2028);
    }

    [Fact]
    public async Task GetGap_NoScenario_ServesEveryScenariosHeadline()
    {
        await using var host = FunctionsHost.Create();
        await IngestAsync(host);

        var answer = Ok(await host.Function<GapFunction>().GetAsync(host.Get(), CancellationToken.None));

        var ids = answer.GetProperty("headline").EnumerateArray().Select(h => h.GetProperty("scenario_id").GetString()).ToList();
        Assert.Contains("anthropic_build_ai_2028", ids);
        Assert.True(ids.Count > 1);
    }

    [Theory]
    [InlineData("?scenario=no_such_scenario", StatusCodes.Status404NotFound)]
    [InlineData("?scenario=Not-An-Id", StatusCodes.Status400BadRequest)]
    [InlineData("?scenario=a%0A", StatusCodes.Status400BadRequest)]
    public async Task GetGap_UnknownOrInvalidScenario_AnswersProblem(string query, int status)
    {
        await using var host = FunctionsHost.Create();
        await IngestAsync(host);

        var result = Assert.IsType<ObjectResult>(await host.Function<GapFunction>().GetAsync(host.Get(query), CancellationToken.None));

        Assert.Equal(status, result.StatusCode);
        Assert.IsAssignableFrom<ProblemDetails>(result.Value);
    }
}
