using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;

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

    [Fact]
    public async Task RunAsync_FileListIsAnErrorPage_FailsTheRunWithAReportNamingTheListAndLatestUntouched()
    {
        var store = TestPaths.NewTempFolder();
        await TestPipeline.RunIngestAsync(store);
        var latestBefore = await File.ReadAllBytesAsync(Path.Combine(store, RunPublisher.LatestPath));
        await using var server = await LocalHttpServer.StartAsync(context => context.Response.WriteAsync("<html><body>Maintenance</body></html>"));
        await using var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(store))
        {
            ["Pipeline:Mode"] = "Live",
            ["EIA_API_KEY"] = "test-key",
            ["Sources:Eia930Bulk:Url"] = server.BaseAddress.ToString(),
        });

        // The real partitioned ingest: a list that cannot be read is reported as a failed source, not thrown.
        var outcome = await new InProcessFanOut(services).RunAsync("cli", CancellationToken.None);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        const string Cause = "eia930_bulk: EIA930_File_List_Meta.csv: the server answered with an HTML page, not the data file.";
        Assert.Contains(Cause, outcome.Message, StringComparison.Ordinal);
        var report = TestPipeline.ReadJson(Path.Combine(store, "runs", outcome.RunId, "report.json"));
        Assert.Equal("failed", report.GetProperty("status").GetString());
        Assert.Contains(report.GetProperty("sources").EnumerateArray(), s => s.GetProperty("name").GetString() == "eia930_bulk" && s.GetProperty("error").GetString() == Cause);
        Assert.Equal(latestBefore, await File.ReadAllBytesAsync(Path.Combine(store, RunPublisher.LatestPath)));
    }
}
