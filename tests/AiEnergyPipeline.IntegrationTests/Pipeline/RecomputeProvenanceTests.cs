using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>A recompute says whose figures it used, and derives nothing from a table changed in the store.</summary>
public class RecomputeProvenanceTests
{
    private static RecomputeRequest Replace(string scenarioId, params (int Year, double Gw)[] points) =>
        RecomputeRequest.Empty with { Scenarios = [new ScenarioOverride(scenarioId, null, null, [.. points.Select(p => new ScenarioOverridePoint(p.Year, p.Gw))], ReplacesPublished: true)] };

    [Fact]
    public async Task RecomputeAsync_ScenarioReplaced_ItsYearsSayOverrideAndItsHeadlineDoesNotCreditThePublisher()
    {
        var store = TestPaths.NewTempFolder();
        var ingest = await TestPipeline.RunIngestAsync(store);

        var recompute = await TestPipeline.RecomputeAsync(store, Replace("anthropic_build_ai_2028", (2025, 0), (2028, 60)) with { Assumptions = new Dictionary<string, double> { ["reserve_margin"] = 0.2 } });

        Assert.Equal(RunStatus.Published, recompute.Status);
        var rows = File.ReadAllLines(Path.Combine(store, RunPublisher.RunFolder(recompute.RunId), "gap", "gap_by_year.csv")).Select(l => l.Split(',')).ToList();
        Assert.Equal(["override", "interpolated", "interpolated", "override", "extrapolated_flat", "extrapolated_flat"],
            rows.Where(r => r[0] == "anthropic_build_ai_2028").Select(r => r[3]));
        // Another scenario keeps the publisher's basis.
        Assert.Equal("published", rows.Single(r => r[0] == "anthropic_frontier_training" && r[1] == "2028")[3]);
        var headline = TestPipeline.ReadJson(Path.Combine(store, RunPublisher.RunFolder(recompute.RunId), "gap", "headline.json"));
        var sentence = headline.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("scenario_id").GetString() == "anthropic_build_ai_2028").GetProperty("headline").GetString();
        Assert.Contains("Under a recompute's own figures for Anthropic's 'Build AI in America' estimate (anthropic_build_ai_2028)", sentence, StringComparison.Ordinal);
        var notes = headline.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.StartsWith("scenarios whose points a recompute's request set", StringComparison.Ordinal) && n.EndsWith(": anthropic_build_ai_2028", StringComparison.Ordinal));
        // Every sentence changed with the margin: the note says whose value it is.
        Assert.Contains("reserve_margin set by a recompute's request to 0.2 (the run's assumptions table: 0.18): the operator's value, not the published one", notes);
        // Its inputs are the ingest's, as the ingest read them: report.json says how each source was read (the page names any read in part).
        static List<(string?, string?)> SourcesOf(JsonElement report) => [.. report.GetProperty("sources").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("status").GetString()))];
        var ingestSources = SourcesOf(TestPipeline.ReadJson(Path.Combine(store, RunPublisher.ReportPath(ingest.RunId))));
        Assert.NotEmpty(ingestSources);
        Assert.Equal(ingestSources, SourcesOf(TestPipeline.ReadJson(Path.Combine(store, RunPublisher.ReportPath(recompute.RunId)))));
    }

    [Fact]
    public async Task RunIngestAsync_HeadlineYearBetweenAPublishersPoints_TheNotesSaySoPerScenario()
    {
        var store = TestPaths.NewTempFolder();
        var ingest = await TestPipeline.RunIngestAsync(store);

        var notes = TestPipeline.ReadJson(Path.Combine(store, RunPublisher.RunFolder(ingest.RunId), "gap", "headline.json")).GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();

        // EPRI publishes 2023 and 2030, Grid Strategies 2024 and 2029: their 2028 is the model's line between.
        var interpolated = Assert.Single(notes, n => n.StartsWith("AI demand in 2028, the headline year, interpolated between the scenario's points (ai_demand_basis interpolated)", StringComparison.Ordinal));
        Assert.Contains("epri_2024_high", interpolated, StringComparison.Ordinal);
        Assert.Contains("grid_strategies_2024_high", interpolated, StringComparison.Ordinal);
        Assert.DoesNotContain("anthropic_build_ai_2028", interpolated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecomputeAsync_InputTableChangedInTheStoreAtTheSameSize_FailsNamingItAndPublishesNothing()
    {
        var store = TestPaths.NewTempFolder();
        var ingest = await TestPipeline.RunIngestAsync(store);
        var generators = Path.Combine(store, RunPublisher.RunFolder(ingest.RunId), "data", "generators.csv");
        var bytes = File.ReadAllBytes(generators);
        bytes[^2] = (byte)(bytes[^2] == (byte)'1' ? '2' : '1');
        File.WriteAllBytes(generators, bytes);
        var latest = File.ReadAllText(Path.Combine(store, "latest.json"));

        var recompute = await TestPipeline.RecomputeAsync(store, RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { ["reserve_margin"] = 0.2 } });

        Assert.Equal(RunStatus.Failed, recompute.Status);
        Assert.Contains($"run {ingest.RunId}: data/generators.csv is damaged in the store: its bytes have sha256 ", recompute.Message, StringComparison.Ordinal);
        Assert.Equal(ingest.RunId, recompute.LatestRunId);
        Assert.Equal(latest, File.ReadAllText(Path.Combine(store, "latest.json")));
        // The failure is reported where a failed run's report goes.
        Assert.Contains("damaged in the store", File.ReadAllText(Path.Combine(store, RunPublisher.RunFolder(recompute.RunId), "report.json")), StringComparison.Ordinal);
    }
}
