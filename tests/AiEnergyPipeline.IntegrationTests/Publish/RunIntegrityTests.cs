using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Publish;

/// <summary>latest.json is swung only to a run whose every file is in the store with its size, and "unchanged" only said of such a run.</summary>
public class RunIntegrityTests
{
    private static async Task<RunOutcome> RunLosingAsync(string store, string suffix, DateTimeOffset now, string? snapshot = null)
    {
        var settings = TestPipeline.FolderStore(store);
        if (snapshot is not null)
        {
            settings["Pipeline:SnapshotPath"] = snapshot;
        }

        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(now), configure: s =>
            s.AddSingleton<IDatasetStore>(new FailureDescribingStore(new LosingDatasetStore(new FileSystemDatasetStore(store), suffix))));
        return await TestPipeline.RunIngestAsync(services);
    }

    [Fact]
    public async Task RunAsync_StoreLosesAnAcknowledgedWriteOnTheFirstRun_FailsNamingTheFileAndWritesNoLatest()
    {
        var store = TestPaths.NewTempFolder();

        var outcome = await RunLosingAsync(store, "/data/generators.csv", TestPipeline.Now);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("publish failed: the check before swinging latest.json found run", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("data/generators.csv is missing", outcome.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(store, "latest.json")));
        var report = TestPipeline.ReadJson(Path.Combine(store, "runs", outcome.RunId, "report.json"));
        Assert.Equal("failed", report.GetProperty("status").GetString());
        Assert.Contains("data/generators.csv is missing", report.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StoreLosesACopiedPartAfterAGoodRun_LatestStaysOnTheGoodRun()
    {
        var store = TestPaths.NewTempFolder();
        var good = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now));
        var latestBefore = await File.ReadAllBytesAsync(Path.Combine(store, "latest.json"));
        // Changed inputs (the second half-year), so that the next run publishes; the first half-year's cached part is copied, and that copy is lost.
        var snapshot = TestPaths.CopyOfSnapshot();
        var bulk = Path.Combine(snapshot, TestPaths.BulkSnapshotFile);
        var lines = await File.ReadAllLinesAsync(bulk);
        lines[5] = lines[5].Replace(" AM,", " XM,", StringComparison.Ordinal).Replace(" PM,", " XM,", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(bulk, lines);

        var outcome = await RunLosingAsync(store, "/data/ba_hourly/2025_h1.csv", TestPipeline.Now.AddHours(1), snapshot);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("2025_h1.csv is missing", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(good.RunId, outcome.LatestRunId);
        Assert.Equal(latestBefore, await File.ReadAllBytesAsync(Path.Combine(store, "latest.json")));
    }

    [Fact]
    public async Task RunAsync_LatestRunLostAFileAndTheInputsAreUnchanged_PublishesANewRunInsteadOfUnchanged()
    {
        var store = TestPaths.NewTempFolder();
        var first = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now));
        File.Delete(Path.Combine(store, "runs", first.RunId, "data", "generators.csv"));

        var second = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now.AddHours(1)));
        var third = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now.AddHours(2)));

        Assert.Equal(RunStatus.Published, second.Status);
        Assert.NotEqual(first.RunId, second.RunId);
        Assert.Equal(second.RunId, second.LatestRunId);
        Assert.True(File.Exists(Path.Combine(store, "runs", second.RunId, "data", "generators.csv")));
        // Once the latest run is whole again, the same inputs are unchanged.
        Assert.Equal(RunStatus.Unchanged, third.Status);
        Assert.Equal(second.RunId, third.RunId);
    }
}
