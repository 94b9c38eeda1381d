using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The queue supply tail switched on by a recompute of the bundled snapshot's run.</summary>
public class QueueSupplyTailRecomputeTests
{
    private static List<string> Notes(string store, string runId) =>
        TestPipeline.ReadJson(Path.Combine(store, RunPublisher.RunFolder(runId), "gap", "headline.json"))
            .GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();

    private static byte[] GapByYear(string store, string runId) =>
        File.ReadAllBytes(Path.Combine(store, RunPublisher.RunFolder(runId), "gap", "gap_by_year.csv"));

    [Fact]
    public async Task RunAsync_QueueSupplyTailOn_ReadsTheRunsQueuesAndSaysWhatTheTailAdded()
    {
        var store = TestPaths.NewTempFolder();
        var ingest = await TestPipeline.RunIngestAsync(store);
        RunOutcome recompute;
        await using (var services = TestPipeline.Build(TestPipeline.FolderStore(store), new FakeTimeProvider(TestPipeline.Now.AddHours(1))))
        {
            recompute = await TestPipeline.RecomputeAsync(services,
                RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { [AssumptionNames.QueueSupplyTail] = 1 } });
        }

        Assert.Equal(RunStatus.Published, ingest.Status);
        Assert.Equal(RunStatus.Published, recompute.Status);
        // Off (the ingest, the published default) nothing is said; on, the run says what the tail did.
        Assert.DoesNotContain(Notes(store, ingest.RunId), n => n.Contains("queue supply tail", StringComparison.Ordinal));
        // The sample's EIA-860M lists planned units up to 2030, the horizon: there is no year left for the tail, and the gap is the ingest's.
        Assert.Contains("queue supply tail on, nothing added: EIA-860M's planned units reach 2030, and no year after it is within 2025-2030", Notes(store, recompute.RunId));
        Assert.Equal(GapByYear(store, ingest.RunId), GapByYear(store, recompute.RunId));
    }
}
