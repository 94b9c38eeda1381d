using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.Sweep;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AiEnergyPipeline.IntegrationTests.Pipeline.Sweep.Litter;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.Sweep;

/// <summary>
/// The sweep on a store littered by hand (issue 12, item 5): half runs, temporary files, old work
/// folders and plans, and 30 complete runs across 15 months. The clock is 40 days ahead of the real
/// one, so that everything written now is 40 days old by the store's own times; what must look
/// young says so by its id (a run's start) or its file time.
/// </summary>
public abstract class StoreSweeperContract
{
    private static readonly DateTimeOffset Now = new(DateTimeOffset.UtcNow.AddDays(40).Date, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstMonth = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Store settings for a new, empty store.</summary>
    protected abstract Dictionary<string, string?> NewStoreSettings();

    /// <summary>Makes a temporary object the way a crashed write of this store leaves one, written at <paramref name="written"/> when the store allows it.</summary>
    protected abstract Task PutTemporaryAsync(IDatasetStore store, Dictionary<string, string?> settings, string path, DateTimeOffset? written);

    /// <summary>The paths of temporary objects left in the store.</summary>
    protected abstract Task<List<string>> TemporaryAsync(IDatasetStore store, Dictionary<string, string?> settings);

    protected virtual bool CanBackdateTemporary => false;

    /// <summary>30 complete runs: the 5th and the 20th of each month from January 2025 to March 2026.</summary>
    private static IEnumerable<(int Month, int Day, string Id)> Complete() =>
        from month in Enumerable.Range(0, 15)
        from day in new[] { 5, 20 }
        select (month, day, Id(FirstMonth.AddMonths(month).AddDays(day - 1).AddHours(6)));

    private static string RunOf(int month, int day) => Complete().Single(r => r.Month == month && r.Day == day).Id;

    [Fact]
    public async Task SweepAsync_LitteredStore_RemovesExactlyTheLitterAndTheRunsPastRetention()
    {
        var settings = NewStoreSettings();
        var work = TestPaths.NewTempFolder();
        settings["Pipeline:WorkDirectory"] = work;
        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(Now));
        var store = services.GetRequiredService<IDatasetStore>();

        // 30 complete runs; latest.json on the oldest; the newest a recompute of February 2025's first.
        foreach (var (month, day, id) in Complete())
        {
            await CompleteRunAsync(store, id, derivedFrom: month == 14 && day == 20 ? RunOf(1, 5) : null);
        }

        await PointLatestAtAsync(store, RunOf(0, 5));
        // Half runs: one died long ago, one started an hour ago (a run in progress), one failed run's report.
        var oldHalf = Id(Now.AddDays(-3), "0001aa");
        var youngHalf = Id(Now.AddHours(-1), "0002aa");
        await PutAsync(store, $"runs/{oldHalf}/data/generators.csv");
        await PutAsync(store, $"runs/{youngHalf}/data/generators.csv");
        var failedReport = Id(Now.AddDays(-2), "0003aa");
        await PutAsync(store, RunPublisher.ReportPath(failedReport), "{}");
        var oldFailedReport = Id(Now.AddDays(-45), "0006aa");
        await PutAsync(store, RunPublisher.ReportPath(oldFailedReport), "{}");
        // What is shared or kept for good.
        // Partitions: this partition version's, with either codec, and a young plan's record stay; another version's and an expired plan's record go.
        const string part = "partitions/eia930_bulk/2024_h1";
        string[] lasting =
        [
            "raw/curated/00aa.csv", "state/fetch/curated/assumptions.csv.json", "partitions/eia930/x/summary.json",
            $"{part}/{IngestPipeline.PartitionVersion}/bb22/summary.json", $"{part}/{IngestPipeline.PartitionVersion}-parquet-zstd/bb22/summary.json", $"{part}/plans/{Id(Now.AddHours(-1))}.json",
        ];
        var oldRecord = $"{part}/plans/{Id(Now.AddDays(-20))}.json";
        await PutAsync(store, oldRecord);
        string[] otherModel = [$"{part}/ingest-v7-gap-v3/aa11/ba_hourly.csv", $"{part}/ingest-v7-gap-v3/aa11/summary.json", $"{part}/ingest-v7-gap-v3-parquet-zstd/aa11/summary.json"];
        foreach (var path in otherModel)
        {
            await PutAsync(store, path);
        }

        foreach (var path in lasting)
        {
            await PutAsync(store, path);
        }

        // The curated file's fetch state names its raw file: a 304 Not Modified reuses it.
        await PutFetchStateAsync(store, "assumptions.csv", "raw/curated/00aa.csv");

        // Fanned-out plans: one created 10 days ago, one yesterday; a timer's claim.
        var oldPlan = Id(Now.AddDays(-10), "0004aa");
        var youngPlan = Id(Now.AddDays(-1), "0005aa");
        await PutAsync(store, $"work/{oldPlan}/plan.json");
        await PutAsync(store, $"work/{oldPlan}/done/eia930/a.json");
        await PutAsync(store, $"work/{youngPlan}/plan.json");
        await PutAsync(store, "work/occurrences/timer-20250101T060000Z.json");
        // Temporary objects beside a table.
        var oldTemp = $"runs/{RunOf(14, 20)}/data/generators.csv.0123456789abcdef.tmp";
        await PutTemporaryAsync(store, settings, oldTemp, null);
        var youngTemp = $"runs/{RunOf(14, 20)}/data/gap.csv.fedcba9876543210.tmp";
        if (CanBackdateTemporary)
        {
            await PutTemporaryAsync(store, settings, youngTemp, Now.AddHours(-1));
        }

        // Work folders on this machine: one left by a killed run, one in use.
        var oldFolder = Directory.CreateDirectory(Path.Combine(work, "0123456789abcdef0123456789abcdef")).FullName;
        await File.WriteAllTextAsync(Path.Combine(oldFolder, "eia930-x.csv"), "bytes");
        var youngFolder = Directory.CreateDirectory(Path.Combine(work, "fedcba9876543210fedcba9876543210")).FullName;
        var youngFile = Path.Combine(youngFolder, "raw.csv");
        await File.WriteAllTextAsync(youngFile, "bytes");
        File.SetLastWriteTimeUtc(youngFile, Now.AddHours(-1).UtcDateTime);

        var report = await services.GetRequiredService<StoreSweeper>().SweepAsync("test", dryRun: false, CancellationToken.None);

        Assert.Empty(report.Errors);
        // The runs: latest, the 10 newest, the last of each month and the recompute's source stay.
        string[] retired = [.. Enumerable.Range(2, 8).Select(m => RunOf(m, 5))];
        var expectedRuns = Complete().Select(r => r.Id).Except(retired).Append(youngHalf).Append(failedReport).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedRuns, await RunsAsync(store));
        Assert.Equal(22, report.KeptRuns.Count);
        Assert.Contains(report.KeptRuns, k => k.RunId == RunOf(0, 5) && k.Reason == RunRetention.Latest);
        Assert.Contains(report.KeptRuns, k => k.RunId == RunOf(1, 5) && k.Reason.Contains("recomputed from it", StringComparison.Ordinal));
        Assert.Contains(report.KeptRuns, k => k.RunId == RunOf(3, 20) && k.Reason == "the last run of 2025-04");
        var paths = await PathsAsync(store);
        Assert.All(lasting, p => Assert.Contains(p, paths));
        Assert.Contains(RunPublisher.LatestPath, paths);
        Assert.Contains($"work/{youngPlan}/plan.json", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith($"work/{oldPlan}/", StringComparison.Ordinal) || p.StartsWith("work/occurrences/", StringComparison.Ordinal));
        Assert.Equal(CanBackdateTemporary ? [youngTemp] : [], await TemporaryAsync(store, settings));
        Assert.False(Directory.Exists(oldFolder));
        Assert.True(File.Exists(youngFile));

        // The report says what went and why, and is in the store.
        var removed = report.Removed.ToLookup(r => r.Kind);
        Assert.Equal([$"runs/{oldHalf}/"], removed[SweepKind.HalfRun].Select(r => r.Path));
        Assert.Equal([$"runs/{oldFailedReport}/"], removed[SweepKind.FailedRunReport].Select(r => r.Path));
        Assert.Equal(retired.Select(r => $"runs/{r}/"), removed[SweepKind.RetiredRun].Select(r => r.Path));
        Assert.Equal([$"work/{oldPlan}/"], removed[SweepKind.ExpiredPlan].Select(r => r.Path));
        Assert.Equal([oldTemp], removed[SweepKind.TempFile].Select(r => r.Path));
        Assert.Equal([$"{part}/ingest-v7-gap-v3/", $"{part}/ingest-v7-gap-v3-parquet-zstd/"], removed[SweepKind.OtherVersionPartitions].Select(r => r.Path));
        Assert.Equal([2, 1], removed[SweepKind.OtherVersionPartitions].Select(r => r.Objects));
        Assert.DoesNotContain(paths, p => p.Contains("/ingest-v7-gap-v3", StringComparison.Ordinal));
        Assert.Equal([oldRecord], removed[SweepKind.ExpiredPlanRecord].Select(r => r.Path));
        Assert.Equal([oldFolder], removed[SweepKind.WorkFolder].Select(r => r.Path));
        Assert.All(report.Removed, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.Contains(StoreSweeper.ReportPath(report.SweepId), paths);
    }

    [Fact]
    public async Task SweepAsync_InputsOfEarlierBytes_GoOnlyWhenNoKeptRunFetchStateOrYoungPlanNamesThem()
    {
        var settings = NewStoreSettings();
        settings["Sweep:KeepLatestRuns"] = "1";
        settings["Sweep:KeepMonthlyRuns"] = "false";
        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(Now));
        var store = services.GetRequiredService<IDatasetStore>();
        const string raw = "raw/eia930_bulk/";
        var (retired, latest) = (Id(Now.AddDays(-30), "0007aa"), Id(Now.AddDays(-20), "0008aa"));
        await CompleteRunAsync(store, retired, null, raw + "22cc.csv");
        await CompleteRunAsync(store, latest, null, raw + "11bb.csv");
        await PointLatestAtAsync(store, latest);
        foreach (var sha in new[] { "11bb", "22cc", "33dd", "44ee", "55ff" })
        {
            await PutAsync(store, $"{raw}{sha}.csv");
        }

        await PutFetchStateAsync(store, "f.csv", raw + "55ff.csv");
        await PutPlanRecordAsync(store, $"partitions/eia930_bulk/2024_h1/plans/{Id(Now.AddHours(-2))}.json", raw + "44ee.csv");
        // This version's entries of the half-year: an earlier one nothing names, one a young plan used, one never completed, and the newest.
        var entries = $"partitions/eia930_bulk/2024_h1/{IngestPipeline.PartitionVersion}/";
        await PutAsync(store, entries + "aa00/ba_hourly.csv");
        await PutAsync(store, entries + "aa00/summary.json");
        await PutAsync(store, entries + "44ee/summary.json");
        await PutAsync(store, entries + "66aa/ba_hourly.csv");
        // Store times have a resolution of a second (Azurite's Last-Modified): the newest entry is written in a later one.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        await PutAsync(store, entries + "77bb/summary.json");

        var report = await services.GetRequiredService<StoreSweeper>().SweepAsync("test", dryRun: false, CancellationToken.None);

        Assert.Empty(report.Errors);
        Assert.Equal([$"{raw}22cc.csv", $"{raw}33dd.csv"], report.Removed.Where(r => r.Kind == SweepKind.UnusedRawFile).Select(r => r.Path));
        Assert.Equal([entries + "66aa/", entries + "aa00/"], report.Removed.Where(r => r.Kind == SweepKind.SupersededPartition).Select(r => r.Path));
        Assert.Equal([1, 2], report.Removed.Where(r => r.Kind == SweepKind.SupersededPartition).Select(r => r.Objects));
        var paths = await PathsAsync(store);
        Assert.All(new[] { "11bb", "44ee", "55ff" }, sha => Assert.Contains($"{raw}{sha}.csv", paths));
        Assert.Contains(entries + "44ee/summary.json", paths);
        Assert.Contains(entries + "77bb/summary.json", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith(entries + "aa00/", StringComparison.Ordinal) || p.StartsWith(entries + "66aa/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SweepAsync_AKeptRunsDataPackageUnreadable_RemovesNoRawFile()
    {
        var settings = NewStoreSettings();
        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(Now));
        var store = services.GetRequiredService<IDatasetStore>();
        var (damaged, latest) = (Id(Now.AddDays(-30), "0009aa"), Id(Now.AddDays(-20), "0010aa"));
        await CompleteRunAsync(store, latest);
        await PointLatestAtAsync(store, latest);
        await PutAsync(store, RunPublisher.DataPackagePath(damaged), "{ not json");
        await PutAsync(store, "raw/eia930_bulk/88cc.csv");

        var report = await services.GetRequiredService<StoreSweeper>().SweepAsync("test", dryRun: false, CancellationToken.None);

        // The damaged run may name it: what it needs cannot be told, so nothing in raw/ goes.
        Assert.DoesNotContain(report.Removed, r => r.Kind == SweepKind.UnusedRawFile);
        Assert.Contains("raw/eia930_bulk/88cc.csv", await PathsAsync(store));
    }

    [Fact]
    public async Task SweepAsync_OtherVersionPartitionsWrittenLately_AreKept()
    {
        // An older deployment may still be finishing a run with its cache: only one untouched for the plan expiry goes.
        var settings = NewStoreSettings();
        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(6)));
        var store = services.GetRequiredService<IDatasetStore>();
        await PutAsync(store, "partitions/eia930_bulk/2024_h1/ingest-v7-gap-v3/aa11/summary.json");

        var report = await services.GetRequiredService<StoreSweeper>().SweepAsync("test", dryRun: false, CancellationToken.None);

        Assert.DoesNotContain(report.Removed, r => r.Kind == SweepKind.OtherVersionPartitions);
        Assert.Contains("partitions/eia930_bulk/2024_h1/ingest-v7-gap-v3/aa11/summary.json", await PathsAsync(store));
    }

    [Fact]
    public async Task SweepAsync_DryRun_ListsWhatWouldGoAndRemovesNothing()
    {
        var settings = NewStoreSettings();
        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(Now));
        var store = services.GetRequiredService<IDatasetStore>();
        var oldHalf = Id(Now.AddDays(-3), "0001aa");
        await PutAsync(store, $"runs/{oldHalf}/data/generators.csv");
        var before = await PathsAsync(store);

        var report = await services.GetRequiredService<StoreSweeper>().SweepAsync("test", dryRun: true, CancellationToken.None);

        Assert.True(report.DryRun);
        Assert.Contains(report.Removed, r => r.Kind == SweepKind.HalfRun && r.Path == $"runs/{oldHalf}/");
        Assert.Equal(before, await PathsAsync(store));
    }

    [Fact]
    public async Task SweepAsync_HalfRunLatestPointsAt_IsKept()
    {
        var settings = NewStoreSettings();
        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(Now));
        var store = services.GetRequiredService<IDatasetStore>();
        var half = Id(Now.AddDays(-3), "0001aa");
        await PutAsync(store, $"runs/{half}/data/generators.csv");
        await PointLatestAtAsync(store, half);

        var report = await services.GetRequiredService<StoreSweeper>().SweepAsync("test", dryRun: false, CancellationToken.None);

        Assert.DoesNotContain(report.Removed, r => r.Kind == SweepKind.HalfRun);
        Assert.Equal([half], await RunsAsync(store));
    }

    [Fact]
    public async Task SweepAsync_OneRunsDataPackageCutOff_KeepsItAndSweepsTheRest()
    {
        var settings = NewStoreSettings();
        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(Now));
        var store = services.GetRequiredService<IDatasetStore>();
        var latest = Id(Now.AddDays(-1), "0003cc");
        await CompleteRunAsync(store, latest);
        await PointLatestAtAsync(store, latest);
        var cutOff = Id(Now.AddDays(-2), "0002bb");
        await PutAsync(store, $"runs/{cutOff}/data/generators.csv");
        await PutAsync(store, RunPublisher.DataPackagePath(cutOff), "{\"id\":");
        var oldHalf = Id(Now.AddDays(-40), "0001aa");
        await PutAsync(store, $"runs/{oldHalf}/data/generators.csv");

        var report = await services.GetRequiredService<StoreSweeper>().SweepAsync("test", dryRun: false, CancellationToken.None);

        // The damaged package does not stop the sweep (it threw before): it is kept for a person, the half run goes.
        Assert.Contains(report.Removed, r => r.Kind == SweepKind.HalfRun && r.Path == $"runs/{oldHalf}/");
        Assert.Equal([cutOff, latest], await RunsAsync(store));
    }

    [Fact]
    public async Task SweepAsync_RunThatFailedWhilePublishing_TakesNoPlaceOfAGoodRunAndGoesAsHalf()
    {
        var settings = NewStoreSettings();
        settings["Sweep:KeepLatestRuns"] = "2";
        settings["Sweep:KeepMonthlyRuns"] = "false";
        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(Now));
        var store = services.GetRequiredService<IDatasetStore>();
        var latest = Id(Now.AddDays(-1), "0003cc");
        var failed = Id(Now.AddDays(-10), "0002bb");
        var good = Id(Now.AddDays(-20), "0001aa");
        foreach (var run in new[] { latest, failed, good })
        {
            await CompleteRunAsync(store, run);
        }

        await PointLatestAtAsync(store, latest);
        // Its datapackage.json was written, then the store failed before latest.json swung: its report says so.
        await PutAsync(store, RunPublisher.ReportPath(failed), "{\"run_id\": \"x\", \"status\": \"failed\"}");

        var report = await services.GetRequiredService<StoreSweeper>().SweepAsync("test", dryRun: false, CancellationToken.None);

        Assert.Contains(report.Removed, r => r.Kind == SweepKind.HalfRun && r.Path == $"runs/{failed}/" && r.Reason.Contains("failed while publishing", StringComparison.Ordinal));
        Assert.Equal([good, latest], await RunsAsync(store));
    }

    [Fact]
    public async Task SweepAsync_LatestUnreadable_JudgesNoRun()
    {
        var settings = NewStoreSettings();
        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(Now));
        var store = services.GetRequiredService<IDatasetStore>();
        var half = Id(Now.AddDays(-3), "0001aa");
        await PutAsync(store, $"runs/{half}/data/generators.csv");
        await PutAsync(store, RunPublisher.LatestPath, "{\"run_id\": ");

        var report = await services.GetRequiredService<StoreSweeper>().SweepAsync("test", dryRun: false, CancellationToken.None);

        Assert.Contains(report.Errors, e => e.Contains("latest.json", StringComparison.Ordinal));
        Assert.Equal([half], await RunsAsync(store));
    }
}
