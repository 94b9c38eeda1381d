using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>
/// EIA-930's full history as partitions, against a real local server that counts its answers:
/// eight BALANCE half-years (2022 H1 to 2025 H2) listed by the file list, every other source
/// beside them, published to a folder.
/// </summary>
public class PartitionedIngestTests
{
    // Sources fetched at completion; the EIA-860M vintage (one, 2026-08) is a partition beside the BALANCE ones.
    private static readonly string[] OtherFiles = ["/queues/lbnl.xlsx", "/queues/pjm.csv", "/ember/yearly_full_release_long_format.csv"];
    private const string Eia860mFile = "/eia860m/xls/august_generator2026.xlsx";

    private static async Task<SourcesServer> StartAsync(bool validators = true)
    {
        var files = BalanceFiles.History(2022, 8);
        var server = await SourcesServer.StartAsync(files, validators);
        server.Files[SourcesServer.ListPath] = BalanceFiles.List(files.Keys);
        return server;
    }

    private static string BalancePath(int year, int half) => "/six/" + new BalanceHalfYear(year, half).FileName;

    private static IEnumerable<string> BalancePaths() =>
        Enumerable.Range(0, 8).Select(i => BalancePath(2022 + (i / 2), (i % 2) + 1));

    private static async Task<RunOutcome> RunAsync(SourcesServer server, string store, int hoursLater = 0)
    {
        await using var services = TestPipeline.Build(server.Settings(store, TestPaths.NewTempFolder()), new FakeTimeProvider(TestPipeline.Now.AddHours(hoursLater)));
        return await TestPipeline.RunIngestAsync(services);
    }

    private static PartitionStatus[] Statuses(RunOutcome outcome) => outcome.Report.Partitions!.Where(p => p.Source == Eia930BulkSource.SourceName).Select(p => p.Status).ToArray();

    [Fact]
    public async Task RunAsync_FullHistoryThenNoChange_SecondRunSendsOnlyConditionalRequestsParsesNothingAndPublishesNothing()
    {
        await using var server = await StartAsync();
        var store = TestPaths.NewTempFolder();
        var first = await RunAsync(server, store);
        Assert.Equal(RunStatus.Published, first.Status);
        Assert.Equal(Enumerable.Repeat(PartitionStatus.Normalised, 8), Statuses(first));
        Assert.All(BalancePaths().Append(SourcesServer.ListPath), p => Assert.Equal(1, server.Count(p, 200)));
        var latestBefore = await File.ReadAllBytesAsync(Path.Combine(store, "latest.json"));
        server.Clear();

        var second = await RunAsync(server, store, hoursLater: 1);

        Assert.Equal(RunStatus.Unchanged, second.Status);
        Assert.Contains("nothing new was published", second.Message, StringComparison.Ordinal);
        // The file list and each BALANCE file: one request each, answered 304, no body.
        var six = server.Answers.Where(a => a.Path.StartsWith("/six/", StringComparison.Ordinal)).ToList();
        Assert.Equal(9, six.Count);
        Assert.All(six, a => Assert.Equal(304, a.Status));
        Assert.Equal(BalancePaths().Append(SourcesServer.ListPath).Order(StringComparer.Ordinal), six.Select(a => a.Path).Order(StringComparer.Ordinal));
        // Every other file source: one conditional request each, answered 304.
        Assert.All(OtherFiles.Append(Eia860mFile), p => Assert.Equal((1, 1), (server.Answers.Count(a => a.Path == p), server.Count(p, 304))));
        Assert.Equal(Enumerable.Repeat(PartitionStatus.Reused, 8), Statuses(second));
        Assert.Equal(latestBefore, await File.ReadAllBytesAsync(Path.Combine(store, "latest.json")));
        Assert.Single(Directory.GetDirectories(Path.Combine(store, "runs")));
    }

    [Fact]
    public async Task RunAsync_OneFileChanged_OnlyItsPartitionIsDownloadedAndNormalisedAndBaAnnualEqualsAFromScratchRun()
    {
        await using var server = await StartAsync();
        var store = TestPaths.NewTempFolder();
        await RunAsync(server, store);
        server.Files[BalancePath(2024, 1)] = BalanceFiles.Of(new BalanceHalfYear(2024, 1), hours: 7);
        server.Clear();

        var changed = await RunAsync(server, store, hoursLater: 1);

        Assert.Equal(RunStatus.Published, changed.Status);
        var statuses = changed.Report.Partitions!.Where(p => p.Source == Eia930BulkSource.SourceName).ToDictionary(p => p.Name, p => p.Status);
        Assert.Equal(PartitionStatus.Normalised, statuses["2024_h1"]);
        Assert.Equal(7, statuses.Count(p => p.Value == PartitionStatus.Reused));
        Assert.Equal(1, server.Count(BalancePath(2024, 1), 200));
        Assert.Equal(7, BalancePaths().Count(p => server.Count(p, 304) == 1 && server.Count(p, 200) == 0));
        Assert.Equal(7 * 4, changed.Report.Partitions!.Single(p => p.Name == "2024_h1").RowsOut);

        var fresh = TestPaths.NewTempFolder();
        var scratch = await RunAsync(server, fresh, hoursLater: 2);

        Assert.Equal(Enumerable.Repeat(PartitionStatus.Normalised, 8), Statuses(scratch));
        var data = (string root, string runId, string file) => File.ReadAllBytes(Path.Combine(root, "runs", runId, "data", file));
        Assert.Equal(data(fresh, scratch.RunId, "ba_annual.csv"), data(store, changed.RunId, "ba_annual.csv"));
        Assert.Equal(data(fresh, scratch.RunId, "ba_hourly/2024_h1.csv"), data(store, changed.RunId, "ba_hourly/2024_h1.csv"));
        Assert.Contains("CISO,2024,", await File.ReadAllTextAsync(Path.Combine(store, "runs", changed.RunId, "data", "ba_annual.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ServerWithoutValidators_DownloadsInFullButReusesEveryPartitionAndPublishesNothing()
    {
        await using var server = await StartAsync(validators: false);
        var store = TestPaths.NewTempFolder();
        await RunAsync(server, store);
        server.Clear();

        var second = await RunAsync(server, store, hoursLater: 1);

        Assert.Equal(RunStatus.Unchanged, second.Status);
        Assert.All(BalancePaths(), p => Assert.Equal(1, server.Count(p, 200)));
        Assert.DoesNotContain(server.Answers, a => a.Status == 304);
        // Same sha256: the cached outputs are used, nothing is parsed again.
        Assert.Equal(Enumerable.Repeat(PartitionStatus.Reused, 8), Statuses(second));
    }

    [Fact]
    public async Task RunAsync_OnePartitionUnreadable_FailsTheRunNamingTheFileAndLeavesLatestUntouched()
    {
        await using var server = await StartAsync();
        var store = TestPaths.NewTempFolder();
        var good = await RunAsync(server, store);
        var latestBefore = await File.ReadAllBytesAsync(Path.Combine(store, "latest.json"));
        var text = System.Text.Encoding.UTF8.GetString(server.Files[BalancePath(2023, 2)]);
        server.Files[BalancePath(2023, 2)] = System.Text.Encoding.UTF8.GetBytes(text.Replace("Demand (MW),", "Load (MW),", StringComparison.Ordinal));

        var failed = await RunAsync(server, store, hoursLater: 1);

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains("eia930_bulk: EIA930_BALANCE_2023_Jul_Dec.csv: required column missing: 'Demand (MW)'", failed.Message, StringComparison.Ordinal);
        Assert.Equal(good.RunId, failed.LatestRunId);
        Assert.Equal(latestBefore, await File.ReadAllBytesAsync(Path.Combine(store, "latest.json")));
        // The fan-out fails the run at the failed partition: the source's report names it and its file.
        var bulk = failed.Report.Sources.Single(s => s.Name == "eia930_bulk");
        Assert.Equal(SourceStatus.Failed, bulk.Status);
        Assert.StartsWith("partition 2023_h2: eia930_bulk: EIA930_BALANCE_2023_Jul_Dec.csv:", bulk.Error, StringComparison.Ordinal);
        var partition = Assert.Single((await TestPipeline.PartitionOutcomesAsync(store, failed)).Values, p => p.Status == PartitionStatus.Failed);
        Assert.Equal(new PartitionKey(Eia930BulkSource.SourceName, "2023_h2"), partition.Partition);
        // report.json lists every partition of the plan with how it ended, the failed one with its file and cause.
        var listed = failed.Report.Partitions!;
        Assert.Equal(9, listed.Count);
        var listedFailure = Assert.Single(listed, p => p.Status == PartitionStatus.Failed);
        Assert.Equal(("2023_h2", "EIA930_BALANCE_2023_Jul_Dec.csv"), (listedFailure.Name, listedFailure.FileName));
        Assert.Contains("required column missing: 'Demand (MW)'", listedFailure.Error, StringComparison.Ordinal);
        Assert.All(listed.Where(p => p != listedFailure), p => Assert.Contains(p.Status, new[] { PartitionStatus.Reused, PartitionStatus.Normalised }));
        Assert.False(Directory.Exists(Path.Combine(store, "runs", failed.RunId, "data")));
    }

    [Fact]
    public async Task ProcessPartitionAsync_TwiceAndOutOfOrderThenComplete_PublishesWhatRunAsyncFindsUnchanged()
    {
        await using var server = await StartAsync();
        var store = TestPaths.NewTempFolder();
        await using (var services = TestPipeline.Build(server.Settings(store, TestPaths.NewTempFolder()), new FakeTimeProvider(TestPipeline.Now)))
        {
            var ingest = services.GetRequiredService<IPartitionedIngest>();
            var plan = await ingest.PlanAsync("queue", CancellationToken.None);
            Assert.Equal(9, plan.Partitions.Count);
            var outcomes = new List<PartitionOutcome>();
            foreach (var partition in plan.Partitions.Reverse().Concat(plan.Partitions))
            {
                outcomes.Add(await ingest.ProcessPartitionAsync(plan, partition, CancellationToken.None));
            }

            // A partition processed again (a queue delivering twice) is reused, not parsed again.
            Assert.Equal(Enumerable.Repeat(PartitionStatus.Normalised, 9).Concat(Enumerable.Repeat(PartitionStatus.Reused, 9)), outcomes.Select(o => o.Status));
            var completed = await ingest.CompleteAsync(plan, CancellationToken.None);
            Assert.Equal(RunStatus.Published, completed.Status);
            Assert.Equal("queue", completed.Report.Trigger);
        }

        var again = await RunAsync(server, store, hoursLater: 1);

        Assert.Equal(RunStatus.Unchanged, again.Status);
    }

    [Fact]
    public async Task CompleteAsync_PartitionNeverProcessed_FailsNamingItAndPublishesNothing()
    {
        await using var server = await StartAsync();
        var store = TestPaths.NewTempFolder();
        await using var services = TestPipeline.Build(server.Settings(store, TestPaths.NewTempFolder()), new FakeTimeProvider(TestPipeline.Now));
        var ingest = services.GetRequiredService<IPartitionedIngest>();
        var plan = await ingest.PlanAsync("queue", CancellationToken.None);
        foreach (var partition in plan.Partitions.Skip(1))
        {
            await ingest.ProcessPartitionAsync(plan, partition, CancellationToken.None);
        }

        var outcome = await ingest.CompleteAsync(plan, CancellationToken.None);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains($"eia930_bulk: EIA930_BALANCE_2022_Jan_Jun.csv: partition 2022_h1 has not been processed in plan {plan.PlanId}", outcome.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(store, "latest.json")));
        Assert.DoesNotContain(server.Answers, a => OtherFiles.Contains(a.Path));
    }

    [Fact]
    public async Task ProcessPartitionAsync_SamePartitionTwiceAtOnce_BothSucceedAndTheCacheHoldsOneEntry()
    {
        await using var server = await StartAsync();
        var store = TestPaths.NewTempFolder();
        await using var services = TestPipeline.Build(server.Settings(store, TestPaths.NewTempFolder()), new FakeTimeProvider(TestPipeline.Now));
        var ingest = services.GetRequiredService<IPartitionedIngest>();
        var plan = await ingest.PlanAsync("queue", CancellationToken.None);
        var partition = plan.Partitions[3];

        var outcomes = await Task.WhenAll(
            ingest.ProcessPartitionAsync(plan, partition, CancellationToken.None),
            ingest.ProcessPartitionAsync(plan, partition, CancellationToken.None));

        Assert.All(outcomes, o => Assert.NotEqual(PartitionStatus.Failed, o.Status));
        Assert.All(outcomes, o => Assert.Equal(32, o.RowsOut));
        var entries = Directory.GetDirectories(Path.Combine(store, "partitions", "eia930_bulk", partition.Name, IngestPipeline.PartitionVersion));
        var entry = Assert.Single(entries);
        Assert.Equal(["ba_hourly.csv", "ba_hourly.parquet", "summary.json"], Directory.GetFiles(entry).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
