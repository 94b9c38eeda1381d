using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>Storage that fails part-way through publishing a run.</summary>
public class PublishFailureTests
{
    private static async Task<(RunOutcome Outcome, FailingDatasetStore Store)> RunWithFailingStoreAsync(string store, string? snapshot, int successfulWrites, int failingWrites, TimeProvider time)
    {
        var settings = TestPipeline.FolderStore(store);
        if (snapshot is not null)
        {
            settings["Pipeline:SnapshotPath"] = snapshot;
        }

        FailingDatasetStore? failing = null;
        await using var services = TestPipeline.Build(settings, time, configure: s =>
        {
            // Registered last, so that it wins: the pipeline's real folder store behind a fault.
            var real = new FileSystemDatasetStore(store);
            failing = new FailingDatasetStore(real, successfulWrites, failingWrites);
            s.AddSingleton<IDatasetStore>(failing);
        });
        var outcome = await TestPipeline.RunIngestAsync(services);
        return (outcome, failing!);
    }

    [Fact]
    public async Task RunAsync_StoreFailsAfterThreeWritesOnTheFirstRun_FailsNamingTheCauseWithNoLatestThenARetryPublishes()
    {
        var store = TestPaths.NewTempFolder();

        var (failed, failing) = await RunWithFailingStoreAsync(store, null, successfulWrites: 3, failingWrites: int.MaxValue, new FakeTimeProvider(TestPipeline.Now));

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains("publish failed: injected storage failure writing runs/", failed.Message, StringComparison.Ordinal);
        Assert.Null(failed.LatestRunId);
        Assert.False(File.Exists(Path.Combine(store, "latest.json")));
        // Some files were written before the fault: the run was cut off part-way, not refused up front.
        Assert.Equal(3, Directory.GetFiles(Path.Combine(store, "runs", failed.RunId), "*", SearchOption.AllDirectories).Length);
        // The report could not be written either (the outage goes on), and the outcome still says why.
        Assert.Contains($"runs/{failed.RunId}/report.json", failing.Failed);

        var retried = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now.AddHours(1)));

        Assert.Equal(RunStatus.Published, retried.Status);
        Assert.Equal(retried.RunId, TestPipeline.ReadJson(Path.Combine(store, "latest.json")).GetProperty("run_id").GetString());
        Assert.NotEqual(failed.RunId, retried.RunId);
    }

    [Fact]
    public async Task RunAsync_OneWriteFailsMidPublishAfterAGoodRun_LatestStaysOnTheGoodRunAndTheReportSaysWhy()
    {
        var store = TestPaths.NewTempFolder();
        var good = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now));
        var latestBefore = await File.ReadAllBytesAsync(Path.Combine(store, "latest.json"));
        // Changed inputs, so that the next run has something new to publish.
        var snapshot = TestPaths.CopyOfSnapshot();
        var bulk = Path.Combine(snapshot, TestPaths.BulkSnapshotFile);
        var lines = await File.ReadAllLinesAsync(bulk);
        lines[5] = lines[5].Replace(" AM,", " XM,", StringComparison.Ordinal).Replace(" PM,", " XM,", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(bulk, lines);

        var (failed, failing) = await RunWithFailingStoreAsync(store, snapshot, successfulWrites: 2, failingWrites: 1, new FakeTimeProvider(TestPipeline.Now.AddHours(1)));

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Single(failing.Failed);
        Assert.Contains("publish failed: injected storage failure", failed.Message, StringComparison.Ordinal);
        Assert.Equal(good.RunId, failed.LatestRunId);
        Assert.Equal(latestBefore, await File.ReadAllBytesAsync(Path.Combine(store, "latest.json")));
        var report = TestPipeline.ReadJson(Path.Combine(store, "runs", failed.RunId, "report.json"));
        Assert.Equal("failed", report.GetProperty("status").GetString());
        Assert.Contains("publish failed: injected storage failure", report.GetProperty("message").GetString(), StringComparison.Ordinal);

        var retried = await TestPipeline.RunIngestAsync(store, snapshot, new FakeTimeProvider(TestPipeline.Now.AddHours(2)));

        Assert.Equal(RunStatus.Published, retried.Status);
        Assert.Equal(retried.RunId, TestPipeline.ReadJson(Path.Combine(store, "latest.json")).GetProperty("run_id").GetString());
    }
}
