using System.Text.Json;
using System.Text.RegularExpressions;
using AiEnergyPipeline.Dashboard;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.Sweep;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Dashboard;

/// <summary>A page's earlier runs come from state/recent-runs.json, and never link to a run the sweep has deleted.</summary>
public sealed partial class RecentRunTests
{
    private static Dictionary<string, string?> Settings(string store) => new(TestPipeline.FolderStore(store))
    {
        ["Sweep:AtRunStart"] = "false",
        ["Sweep:KeepLatestRuns"] = "1",
        ["Sweep:KeepMonthlyRuns"] = "false",
    };

    /// <summary>An ingest, a recompute of it, then an ingest of changed inputs: the last is latest and derives from neither.</summary>
    private static async Task<(string I, string R, string N)> ThreeRunsAsync(string store)
    {
        var first = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now), settings: Settings(store));
        RunOutcome recompute;
        await using (var services = TestPipeline.Build(Settings(store), new FakeTimeProvider(TestPipeline.Now.AddHours(1))))
        {
            recompute = await TestPipeline.RecomputeAsync(services, RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { ["reserve_margin"] = 0.2 } });
        }

        var snapshot = TestPaths.CopyOfSnapshot();
        var bulk = Path.Combine(snapshot, TestPaths.BulkSnapshotFile);
        var lines = await File.ReadAllLinesAsync(bulk);
        lines[5] = lines[5].Replace(" AM,", " XM,", StringComparison.Ordinal).Replace(" PM,", " XM,", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(bulk, lines);
        var last = await TestPipeline.RunIngestAsync(store, snapshot, new FakeTimeProvider(TestPipeline.Now.AddHours(2)), Settings(store));
        Assert.True(first.Succeeded && recompute.Succeeded && last.Succeeded, last.Message);
        Assert.NotEqual(first.RunId, last.RunId);
        return (first.RunId, recompute.RunId, last.RunId);
    }

    private static async Task<string> RenderAgainAsync(string store, string runId)
    {
        var folder = new FileSystemDatasetStore(store);
        var package = TestPipeline.ReadJson(Path.Combine(store, RunPublisher.DataPackagePath(runId))).Deserialize<DataPackage>(PublishedJson.Options)!;
        var report = TestPipeline.ReadJson(Path.Combine(store, RunPublisher.ReportPath(runId))).Deserialize<RunReport>(PublishedJson.Options)!;
        return System.Text.Encoding.UTF8.GetString(await new RunPage().RenderRunAsync(folder, package, report, CancellationToken.None));
    }

    [Fact]
    public async Task BeforeAsync_RunSwept_PageRenderedAgainListsAndLinksOnlyRunsThatExist()
    {
        var store = TestPaths.NewTempFolder();
        var (i, r, n) = await ThreeRunsAsync(store);
        var before = await File.ReadAllTextAsync(Path.Combine(store, RunPublisher.PagePath(n)));
        Assert.Contains($"href=\"../{r}/index.html\"", before, StringComparison.Ordinal);
        Assert.Contains($"href=\"../{i}/index.html\"", before, StringComparison.Ordinal);

        await using var services = TestPipeline.Build(Settings(store), new FakeTimeProvider(TestPipeline.Now.AddHours(3)));
        var sweep = await services.GetRequiredService<StoreSweeper>().SweepAsync("test", dryRun: false, CancellationToken.None);
        Assert.False(Directory.Exists(Path.Combine(store, RunPublisher.RunFolder(r))), string.Join("; ", sweep.Removed.Select(x => x.Path)));
        var after = await RenderAgainAsync(store, n);

        Assert.DoesNotContain(r, after, StringComparison.Ordinal);
        var linked = RunLink().Matches(after).Select(m => m.Groups[1].Value).ToList();
        Assert.All(linked, id => Assert.True(File.Exists(Path.Combine(store, RunPublisher.PagePath(id))), $"{id} is linked but has no page"));
    }

    [Fact]
    public async Task AddAsync_ThreeRuns_IndexNamesThemNewestFirstAndThePageReadsNoListing()
    {
        var store = TestPaths.NewTempFolder();
        var (i, r, n) = await ThreeRunsAsync(store);

        var (index, _) = await RecentRunIndex.ReadAsync(new FileSystemDatasetStore(store), CancellationToken.None);
        Assert.Equal([n, r, i], index!.RunIds);
        var listings = new ListingCounter(new FileSystemDatasetStore(store));
        var runs = await RecentRun.BeforeAsync(listings, n, CancellationToken.None);
        Assert.Equal([r, i], runs.Select(x => x.RunId));
        Assert.Equal(0, listings.Listings);
    }

    [GeneratedRegex("href=\"\\.\\./([0-9TZ\\-a-z]+)/index\\.html\"")]
    private static partial Regex RunLink();
}
