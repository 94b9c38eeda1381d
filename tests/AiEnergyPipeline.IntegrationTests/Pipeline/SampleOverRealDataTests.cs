using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>A store of real data keeps it as latest: a run made from the bundled sample files is refused there.</summary>
public class SampleOverRealDataTests
{
    [Fact]
    public async Task RunAsync_SampleRunIntoAStoreWhoseLatestIsLive_FailsNamingTheLiveRunAndLatestStays()
    {
        var store = TestPaths.NewTempFolder();
        await using var server = await FaultServer.StartAsync();
        var settings = server.LiveSettings();
        settings["PublishedStorage:Path"] = store;
        RunOutcome live;
        await using (var services = TestPipeline.Build(settings, new FakeTimeProvider(TestPipeline.Now)))
        {
            live = await TestPipeline.RunIngestAsync(services);
        }

        var latest = await File.ReadAllBytesAsync(Path.Combine(store, RunPublisher.LatestPath));

        // Sample files that differ from what the live run fetched (the same bytes would be "unchanged").
        var snapshot = TestPaths.CopyOfSnapshot();
        QueuesPipelineTests.WriteNyisoAMonthLater(snapshot);

        var sample = await TestPipeline.RunIngestAsync(store, snapshot, time: new FakeTimeProvider(TestPipeline.Now.AddHours(1)));

        Assert.Equal((RunStatus.Published, "live"), (live.Status, live.Report.Mode));
        Assert.Equal(RunStatus.Failed, sample.Status);
        Assert.Contains($"this run is made from sample files, and the store's latest run {live.RunId} is live data: a sample never replaces real data as latest.", sample.Message, StringComparison.Ordinal);
        Assert.Equal(latest, await File.ReadAllBytesAsync(Path.Combine(store, RunPublisher.LatestPath)));
        Assert.False(File.Exists(Path.Combine(store, RunPublisher.DataPackagePath(sample.RunId))));
    }

    [Fact]
    public async Task RunAsync_SampleRunAfterASampleRun_IsPublishedAsBefore()
    {
        var store = TestPaths.NewTempFolder();
        var snapshot = TestPaths.CopyOfSnapshot();
        QueuesPipelineTests.WriteNyisoAMonthLater(snapshot);

        var first = await TestPipeline.RunIngestAsync(store);
        var second = await TestPipeline.RunIngestAsync(store, snapshot, time: new FakeTimeProvider(TestPipeline.Now.AddHours(1)));

        Assert.Equal((RunStatus.Published, RunStatus.Published), (first.Status, second.Status));
    }
}
