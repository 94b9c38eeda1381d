using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Text;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The one way into a recompute, over folder stores: latest.json read once, limits and data from that run.</summary>
public class RecomputeEntryTests
{
    /// <summary>Replaces a scenario that only the first run publishes: without source and url it is valid only against that run's limits.</summary>
    private const string ReplaceSwingScenario =
        """{"scenarios":[{"scenario_id":"frontier_training_swing","points":[{"year":2025,"ai_load_gw":0},{"year":2028,"ai_load_gw":7}]}]}""";

    private static Task<RecomputeResult> RecomputeAsync(IServiceProvider services, string body) =>
        services.GetRequiredService<RecomputeEntry>().RunAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), "test", CancellationToken.None);

    /// <summary>The bundled curated files with anthropic_frontier_training renamed frontier_training_swing and a reserve margin of 0.3.</summary>
    private static string CuratedWithSwingScenario()
    {
        var folder = TestPaths.NewTempFolder();
        foreach (var file in Directory.EnumerateFiles(CuratedOptions.DefaultPath))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var scenarios = Path.Combine(folder, "demand_scenarios.csv");
        File.WriteAllText(scenarios, File.ReadAllText(scenarios).Replace("anthropic_frontier_training,", "frontier_training_swing,", StringComparison.Ordinal));
        var assumptions = Path.Combine(folder, "assumptions.csv");
        File.WriteAllText(assumptions, File.ReadAllText(assumptions).Replace("reserve_margin,0.18,", "reserve_margin,0.3,", StringComparison.Ordinal));
        return folder;
    }

    /// <summary>gap_by_year's rows as column name to value (the file has no quoted fields).</summary>
    private static List<Dictionary<string, string>> GapByYear(string store, string runId)
    {
        var lines = File.ReadAllLines(Path.Combine(store, RunPublisher.RunFolder(runId), "gap", "gap_by_year.csv"));
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal))];
    }

    private static Dictionary<string, string> DataResources(string store, string runId) =>
        TestPipeline.ReadJson(Path.Combine(store, RunPublisher.DataPackagePath(runId))).GetProperty("resources").EnumerateArray()
            .Where(r => r.GetProperty("path").GetString()!.StartsWith("data/", StringComparison.Ordinal))
            .ToDictionary(r => r.GetProperty("path").GetString()!, r => r.GetProperty("sha256").GetString()!, StringComparer.Ordinal);

    [Fact]
    public async Task RunAsync_LatestSwungToAnotherRunAfterItIsRead_ValidatesAndRecomputesTheRunItRead()
    {
        var store = TestPaths.NewTempFolder();
        var other = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now));
        var otherLatest = await File.ReadAllBytesAsync(Path.Combine(store, RunPublisher.LatestPath));
        await using (var services = TestPipeline.Build(TestPipeline.FolderStore(store), new FakeTimeProvider(TestPipeline.Now.AddMinutes(30))))
        {
            // Against the other run's limits the body is invalid: the scenario is new there and must cite its source.
            var refused = await RecomputeAsync(services, ReplaceSwingScenario);
            Assert.Contains("scenarios[0].source", refused.Errors.Keys);
        }

        var read = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now.AddHours(1)),
            settings: new Dictionary<string, string?> { ["Sources:Curated:Path"] = CuratedWithSwingScenario() });
        Assert.Equal(RunStatus.Published, read.Status);
        var swinging = new LatestSwingingStore(new FileSystemDatasetStore(store), otherLatest);
        // No sweep at the start (it reads latest.json first, before the recompute's own read this test swings after).
        await using var swung = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(store)) { ["Sweep:AtRunStart"] = "false" }, new FakeTimeProvider(TestPipeline.Now.AddHours(2)),
            configure: s => s.AddSingleton<IDatasetStore>(swinging));

        var result = await RecomputeAsync(swung, ReplaceSwingScenario);

        // The body passed the limits of the run read first, where the scenario is published.
        Assert.True(result.Ran, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        Assert.Equal(RunStatus.Published, result.Outcome.Status);
        // latest.json was swung to the other run after that read, before the run started; the recompute
        // still derives from the run read first, and copies its data, not the other run's.
        Assert.True(swinging.Swung);
        Assert.Equal(read.RunId, result.Outcome.DerivedFrom);
        Assert.Equal(DataResources(store, read.RunId), DataResources(store, result.Outcome.RunId));
        Assert.NotEqual(DataResources(store, other.RunId), DataResources(store, result.Outcome.RunId));
        // The gap was computed from that run's data: its reserve margin, and its scenario replaced by the request's points.
        var rows = GapByYear(store, result.Outcome.RunId);
        Assert.All(rows, r => Assert.Equal("0.3", r["reserve_margin"]));
        Assert.Equal("7", Assert.Single(rows, r => r["scenario_id"] == "frontier_training_swing" && r["year"] == "2028")["ai_demand_gw"]);
        Assert.DoesNotContain(rows, r => r["scenario_id"] == "anthropic_frontier_training");
    }

    [Theory]
    [InlineData("""{"assumptions": {"reserve_margin": 0.25}""", "malformed JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    public async Task RunAsync_BodyNoRunCouldPass_RefusedBeforeTheSweepReadsTheStore(string body, string expected)
    {
        var store = TestPaths.NewTempFolder();
        await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now));
        var counter = new ListingCounter(new FileSystemDatasetStore(store));
        await using var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(store)) { ["Sweep:AtRunStart"] = "true" },
            new FakeTimeProvider(TestPipeline.Now.AddHours(1)), configure: s => s.AddSingleton<IDatasetStore>(counter));

        var refused = await RecomputeAsync(services, body);

        Assert.False(refused.Ran);
        Assert.Contains(expected, Assert.Single(Assert.Single(refused.Errors).Value), StringComparison.Ordinal);
        Assert.Equal(0, counter.Listings);
        // The same services with a body that passes do sweep first: the count above could have moved.
        var ran = await RecomputeAsync(services, """{"assumptions": {"reserve_margin": 0.25}}""");
        Assert.True(ran.Ran);
        Assert.True(counter.Listings > 0);
    }
}
