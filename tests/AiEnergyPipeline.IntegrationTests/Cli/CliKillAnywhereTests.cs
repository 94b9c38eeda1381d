using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline.Sweep;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Diagnostics;

namespace AiEnergyPipeline.IntegrationTests.Cli;

/// <summary>
/// kill -9 of `aienergy run` at many points of a run, on a folder store and on Azurite (issue 12,
/// item 6): after each kill latest.json names an intact run or none, the next run publishes, and
/// after the sweep nothing is left but complete runs, raw objects, state and partitions.
/// </summary>
public class CliKillAnywhereTests
{
    /// <summary>
    /// Where the kills land: the moment the run logs each of these, one stage boundary after another
    /// (plan, a partition, completion, the other sources, normalising, the gap, Parquet) and then
    /// in the middle of the biggest writes, the publish. Log lines, not times: a run's speed varies
    /// with the machine's load and with what the cache already holds.
    /// </summary>
    private static readonly string[] KillAt =
    [
        "partitions (",
        "eia930_bulk/2025_h1 (",
        "completion enqueued",
        "queues: fetching",
        "normalised ba_hourly",
        "computed the gap",
        "wrote the tables' Parquet siblings",
        "published ba_hourly_2025_h2:",
        "published quarantine",
    ];

    /// <summary>Runs started per marker until one is killed there: a miss is the log's lag, not the run's fault.</summary>
    private const int AttemptsPerMarker = 3;

    private static readonly string Program = Path.Combine(
        TestPaths.RepositoryRoot, "functions", "AiEnergyPipeline.Cli", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "aienergy.dll");

    private static readonly string[] Lasting = ["runs", "raw", "state", "partitions", "sweeps", RunPublisher.LatestPath, RunPublisher.RootPagePath];

    /// <summary>Where a run publishes: its command-line options, the settings that name it, and the store to check it with.</summary>
    private sealed record Target(string[] Options, Dictionary<string, string?> Settings, IDatasetStore Store);

    private static Target Folder()
    {
        var folder = TestPaths.NewTempFolder();
        return new Target(["--store", folder], TestPipeline.FolderStore(folder), new FileSystemDatasetStore(folder));
    }

    private static Target Blobs()
    {
        var container = Azurite.NewContainer();
        return new Target(["--connection", Azurite.ConnectionString, "--container", container.Name], TestPipeline.BlobStore(container.Name), new BlobDatasetStore(container));
    }

    private static ProcessStartInfo Run(Target target, string work)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Program, "run" }.Concat(target.Options))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal) || k.StartsWith("EIA_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["Pipeline__WorkDirectory"] = work;
        return start;
    }

    private static async Task<int> RunToEndAsync(Target target, string work)
    {
        using var process = Process.Start(Run(target, work))!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await drain;
        return process.ExitCode;
    }

    /// <returns>Whether the run was killed (false when it ended before it logged <paramref name="marker"/>).</returns>
    private static async Task<bool> KillWhenAsync(Target target, string work, string marker)
    {
        using var process = Process.Start(Run(target, work))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var killed = false;
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            if (line.Contains(marker, StringComparison.Ordinal) && !process.HasExited)
            {
                // SIGKILL: no finally, no flush, as a host that dies or runs out of memory.
                process.Kill(entireProcessTree: true);
                killed = true;
                break;
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return killed;
    }

    /// <summary>latest.json is absent, or names a run whose every resource is there with its size.</summary>
    private static async Task AssertLatestIntactOrNoneAsync(IDatasetStore store, string context)
    {
        await using var latest = await store.OpenReadAsync(RunPublisher.LatestPath);
        if (latest is null)
        {
            return;
        }

        var pointer = await PublishedJson.DeserializeAsync<LatestPointer>(latest.Content, CancellationToken.None);
        Assert.NotNull(pointer);
        var package = await PublishedRun.ReadPackageAsync(store, pointer.RunId, CancellationToken.None);
        foreach (var resource in package.Resources)
        {
            var info = await store.GetInfoAsync(PublishedRun.PathOf(package, resource));
            Assert.True(info is not null && info.Length == resource.Bytes, $"{context}: latest run {pointer.RunId} lacks {resource.Path} ({resource.Bytes} bytes)");
        }
    }

    [Fact]
    public Task Run_KilledAtManyPointsOnAFolderStore_LatestStaysIntactNextRunPublishesAndTheSweepLeavesOnlyWhatLasts() =>
        KillAnywhereAsync(Folder);

    [Fact]
    public Task Run_KilledAtManyPointsOnAzurite_LatestStaysIntactNextRunPublishesAndTheSweepLeavesOnlyWhatLasts() =>
        KillAnywhereAsync(Blobs);

    private static async Task KillAnywhereAsync(Func<Target> newTarget)
    {
        var target = newTarget();
        var work = TestPaths.NewTempFolder();
        var store = target.Store;
        var missed = new List<string>();
        foreach (var marker in KillAt)
        {
            // The log reaches us behind the run: on a loaded machine a run can publish before its
            // line is read. Its successors would then find nothing new and stop before the later
            // stages, so the next try starts without a latest run, and goes through them all.
            var killed = false;
            for (var attempt = 1; attempt <= AttemptsPerMarker && !killed; attempt++)
            {
                killed = await KillWhenAsync(target, work, marker);
                await AssertLatestIntactOrNoneAsync(store, $"killed at '{marker}' (attempt {attempt})");
                if (!killed)
                {
                    await store.DeleteAsync(RunPublisher.LatestPath);
                }
            }

            if (!killed)
            {
                missed.Add(marker);
            }
        }

        Assert.True(missed.Count <= KillAt.Length / 3, $"runs that ended before their kill: {string.Join(", ", missed)}");
        Assert.Equal(0, await RunToEndAsync(target, work));
        await AssertLatestIntactOrNoneAsync(store, "after the next run");
        Assert.NotNull(await store.GetInfoAsync(RunPublisher.LatestPath));

        // The sweep, 8 days on: past the half-run age and the plans' expiry.
        var now = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(8));
        var settings = new Dictionary<string, string?>(target.Settings) { ["Pipeline:WorkDirectory"] = work };
        await using (var services = TestPipeline.Build(settings, now))
        {
            var report = await services.GetRequiredService<StoreSweeper>().SweepAsync("test", dryRun: false, CancellationToken.None);
            Assert.Empty(report.Errors);
        }

        await AssertLatestIntactOrNoneAsync(store, "after the sweep");
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
        var paths = new List<string>();
        await foreach (var item in store.ListAsync(""))
        {
            paths.Add(item.Path);
        }

        Assert.DoesNotContain(paths, p => p.EndsWith(".tmp", StringComparison.Ordinal));
        if (store is FileSystemDatasetStore folder)
        {
            Assert.Empty(folder.ListTemporary());
        }

        Assert.All(paths.Select(p => p.Split('/')[0]).Distinct(), top => Assert.Contains(top, Lasting));
        var runs = paths.Where(p => p.StartsWith("runs/", StringComparison.Ordinal)).GroupBy(p => p.Split('/')[1]);
        Assert.All(runs, run => Assert.True(run.Contains($"runs/{run.Key}/datapackage.json"), $"{run.Key} is not a complete run"));
    }
}
