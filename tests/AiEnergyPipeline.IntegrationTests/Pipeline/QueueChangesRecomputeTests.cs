using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>queue_changes and recomputes: a recompute publishes its ingest's changes, never changes of its own.</summary>
public class QueueChangesRecomputeTests
{
    [Fact]
    public async Task RunAsync_RecomputeAfterAChangedIngest_CarriesTheIngestsChanges()
    {
        var store = TestPaths.NewTempFolder();
        await TestPipeline.RunIngestAsync(store);
        var snapshot = TestPaths.CopyOfSnapshot();
        QueuesPipelineTests.WriteNyisoAMonthLater(snapshot);
        var ingest = await TestPipeline.RunIngestAsync(store, snapshot);

        RunOutcome recompute;
        await using (var services = TestPipeline.Build(TestPipeline.FolderStore(store), new FakeTimeProvider(TestPipeline.Now.AddHours(1))))
        {
            recompute = await TestPipeline.RecomputeAsync(services,
                RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { ["reserve_margin"] = 0.25 } });
        }

        Assert.Equal(RunStatus.Published, recompute.Status);
        using var package = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(store, RunPublisher.DataPackagePath(recompute.RunId))));
        var changes = Assert.Single(package.RootElement.GetProperty("resources").EnumerateArray(),
            r => r.GetProperty("path").GetString()!.EndsWith("/queue_changes.csv", StringComparison.Ordinal));
        Assert.Equal(6, changes.GetProperty("row_count").GetInt64());
        // The table is the ingest's: the recompute compared nothing, so every change names the ingest as its run.
        var rows = await QueuesPipelineTests.ReadTableAsync(store, recompute.RunId, "queue_changes");
        Assert.All(rows, r => Assert.Equal(ingest.RunId, r["run_id"]));
    }
}
