using System.Diagnostics;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline.Sweep;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Cli;

/// <summary>
/// kill -9 of `aienergy run` at many points of a run on a folder store (issue 12, item 6): after
/// each kill latest.json names an intact run or none, the next run publishes, and after the sweep
/// nothing is left but complete runs, raw objects, state and partitions.
/// </summary>
public class CliKillAnywhereTests
{
    /// <summary>Where the kills land, as fractions of an undisturbed run's time: fetch, normalise, gap, publish, swing.</summary>
    private static readonly double[] KillAt = [0.1, 0.3, 0.5, 0.7, 0.85, 0.95];

    private static readonly string Program = Path.Combine(
        TestPaths.RepositoryRoot, "functions", "AiEnergyPipeline.Cli", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "aienergy.dll");

    private static ProcessStartInfo Run(string store, string work)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = store, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Program, "run", "--store", store })
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

    private static async Task<(int ExitCode, TimeSpan Took)> RunToEndAsync(string store, string work)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(Run(store, work))!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await drain;
        return (process.ExitCode, clock.Elapsed);
    }

    /// <returns>Whether the run was killed (false when it ended first).</returns>
    private static async Task<bool> KillAfterAsync(string store, string work, TimeSpan after)
    {
        using var process = Process.Start(Run(store, work))!;
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(after));
        var killed = !process.HasExited;
        if (killed)
        {
            // SIGKILL: no finally, no flush, as a host that dies or runs out of memory.
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        await drain;
        return killed;
    }

    /// <summary>latest.json is absent, or names a run whose every resource is there with its size.</summary>
    private static async Task AssertLatestIntactOrNoneAsync(FileSystemDatasetStore store, string context)
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
    public async Task Run_KilledAtManyPoints_LatestStaysIntactNextRunPublishesAndTheSweepLeavesOnlyWhatLasts()
    {
        // An undisturbed run on a store of its own says how long a run takes here.
        var (firstExit, took) = await RunToEndAsync(TestPaths.NewTempFolder(), TestPaths.NewTempFolder());
        Assert.Equal(0, firstExit);

        var folder = TestPaths.NewTempFolder();
        var work = TestPaths.NewTempFolder();
        var store = new FileSystemDatasetStore(folder);
        var kills = 0;
        foreach (var fraction in KillAt)
        {
            kills += await KillAfterAsync(folder, work, took * fraction) ? 1 : 0;
            await AssertLatestIntactOrNoneAsync(store, $"killed at {fraction:P0} ({(took * fraction).TotalMilliseconds:F0} ms)");
        }

        // Runs get quicker as partitions are cached, so the last points may find the run done.
        Assert.True(kills >= KillAt.Length / 2, $"only {kills} of {KillAt.Length} runs were killed before they ended");
        var (exit, _) = await RunToEndAsync(folder, work);
        Assert.Equal(0, exit);
        await AssertLatestIntactOrNoneAsync(store, "after the next run");
        Assert.NotNull(await store.GetInfoAsync(RunPublisher.LatestPath));

        // The sweep, 8 days on: past the half-run age and the plans' expiry.
        var now = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(8));
        var settings = TestPipeline.FolderStore(folder);
        settings["Pipeline:WorkDirectory"] = work;
        await using (var services = TestPipeline.Build(settings, now))
        {
            var report = await services.GetRequiredService<StoreSweeper>().SweepAsync("test", dryRun: false, CancellationToken.None);
            Assert.Empty(report.Errors);
        }

        await AssertLatestIntactOrNoneAsync(store, "after the sweep");
        Assert.Empty(store.ListTemporary());
        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
        string[] lasting = ["runs", "raw", "state", "partitions", "sweeps", RunPublisher.LatestPath];
        var top = Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).ToList();
        Assert.All(top, n => Assert.Contains(n, lasting));
        Assert.All(Directory.GetDirectories(Path.Combine(folder, "runs")), run =>
            Assert.True(File.Exists(Path.Combine(run, "datapackage.json")), $"{Path.GetFileName(run)} is not a complete run"));
    }
}
