using System.Text.Json;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Publish;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.FanOut;

/// <summary>The in-process fan-out of the CLI (and of the Functions app with fan-out off), over a folder store.</summary>
public class InProcessFanOutTests
{
    private static ServiceProvider Services(string store, TestIngestScript script) =>
        TestPipeline.Build(TestPipeline.FolderStore(store), configure: services =>
        {
            services.AddSingleton(script);
            services.AddTransient<IPartitionedIngest, TestPartitionedIngest>();
        });

    [Fact]
    public async Task RunAsync_ThreePartitions_ProcessesEachThenCompletesOnce()
    {
        var store = TestPaths.NewTempFolder();
        var script = new TestIngestScript(3);
        await using var services = Services(store, script);

        var outcome = await new InProcessFanOut(services).RunAsync("cli", CancellationToken.None);

        Assert.Equal(RunStatus.Published, outcome.Status);
        Assert.Equal(3, script.Processed.Count);
        var plan = Assert.Single(script.Completed);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(store, "work", plan, "done", "test")).Length);
        Assert.True(File.Exists(Path.Combine(store, "work", plan, "completion.json")));
        Assert.Equal(outcome.RunId, TestPipeline.ReadJson(Path.Combine(store, "work", plan, "outcome.json")).GetProperty("run_id").GetString());
        Assert.Equal(outcome.RunId, TestPipeline.ReadJson(Path.Combine(store, RunPublisher.LatestPath)).GetProperty("run_id").GetString());
    }

    [Fact]
    public async Task RunAsync_NoPartitions_StillCompletesTheRun()
    {
        var script = new TestIngestScript(0);
        await using var services = Services(TestPaths.NewTempFolder(), script);

        var outcome = await new InProcessFanOut(services).RunAsync("cli", CancellationToken.None);

        Assert.Equal(RunStatus.Published, outcome.Status);
        Assert.Single(script.Completed);
    }

    [Fact]
    public async Task RunAsync_PartitionFails_FailsTheRunWithAReportAndPublishesNothing()
    {
        var store = TestPaths.NewTempFolder();
        var script = new TestIngestScript(2, "p0");
        await using var services = Services(store, script);

        var outcome = await new InProcessFanOut(services).RunAsync("cli", CancellationToken.None);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Empty(script.Completed);
        Assert.False(File.Exists(Path.Combine(store, RunPublisher.LatestPath)));
        var report = TestPipeline.ReadJson(Path.Combine(store, RunPublisher.ReportPath(outcome.RunId)));
        Assert.Contains("partition test/p0 failed", report.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, report.GetProperty("sources").ValueKind);
    }
}
