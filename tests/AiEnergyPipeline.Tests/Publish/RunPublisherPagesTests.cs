using System.Text;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Publish;

/// <summary>The run's page goes out with the run and into its package; the root page names only a run that is latest.</summary>
public sealed class RunPublisherPagesTests
{
    private const string Older = "20261129T060000Z-aaaaaa";
    private const string Newer = "20261130T060000Z-bbbbbb";
    private readonly string folder = Repository.NewTempFolder();

    /// <summary>Pages that say which run they were written for.</summary>
    private sealed class NamingPages : IRunPage
    {
        public Task<byte[]> RenderRunAsync(IDatasetStore store, DataPackage package, RunReport report, CancellationToken cancellationToken) =>
            Task.FromResult(Encoding.UTF8.GetBytes($"page of {package.Id}"));

        public byte[] RenderRoot(LatestPointer latest) => Encoding.UTF8.GetBytes($"root names {latest.RunId}");
    }

    private static DataPackage Package(string runId) =>
        new("data-package", "aienergy-pipeline", runId, "t", DateTimeOffset.UnixEpoch, "sha-" + runId, [], [], [], Mode: RunMode.Sample);

    private static RunReport Report(string runId) =>
        new(runId, RunStatus.Published, "test", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0, "published", [], [], 0);

    [Fact]
    public async Task PublishAsync_WithPages_WritesThePageListsItAndPointsTheRootPageAtTheRun()
    {
        var store = new FileSystemDatasetStore(folder);
        var publisher = new RunPublisher(store, new ListLogger<RunPublisher>(), new NamingPages());

        Assert.True(await publisher.PublishAsync(Package(Newer), [], Report(Newer), null, CancellationToken.None));

        Assert.Equal($"page of {Newer}", await File.ReadAllTextAsync(Path.Combine(folder, "runs", Newer, "index.html")));
        Assert.Equal($"root names {Newer}", await File.ReadAllTextAsync(Path.Combine(folder, RunPublisher.RootPagePath)));
        var package = await PublishedRun.ReadPackageAsync(store, Newer, CancellationToken.None);
        var page = Assert.Single(package.Resources);
        Assert.Equal((RunPublisher.PageResourceName, "index.html", "text/html", (long)$"page of {Newer}".Length), (page.Name, page.Path, page.Mediatype, page.Bytes));
    }

    [Fact]
    public async Task PublishAsync_OlderRunLosesTheSwing_LeavesTheRootPageOnTheLatest()
    {
        var store = new FileSystemDatasetStore(folder);
        var publisher = new RunPublisher(store, new ListLogger<RunPublisher>(), new NamingPages());
        await publisher.PublishAsync(Package(Newer), [], Report(Newer), null, CancellationToken.None);

        // The older run read latest.json before the newer one swung it: its swing fails, and it is not newer.
        var latest = await publisher.PublishAsync(Package(Older), [], Report(Older), null, CancellationToken.None);

        Assert.False(latest);
        Assert.True(File.Exists(Path.Combine(folder, "runs", Older, "index.html")));
        Assert.Equal($"root names {Newer}", await File.ReadAllTextAsync(Path.Combine(folder, RunPublisher.RootPagePath)));
    }

    [Fact]
    public async Task PublishAsync_WithoutPages_WritesNoPage()
    {
        var store = new FileSystemDatasetStore(folder);

        await new RunPublisher(store, new ListLogger<RunPublisher>()).PublishAsync(Package(Newer), [], Report(Newer), null, CancellationToken.None);

        Assert.False(File.Exists(Path.Combine(folder, RunPublisher.RootPagePath)));
        Assert.Empty((await PublishedRun.ReadPackageAsync(store, Newer, CancellationToken.None)).Resources);
    }
}
