using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Security.Cryptography;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The whole flow on the bundled snapshot, published to a folder.</summary>
public class IngestPipelineTests
{
    private static Task<RunOutcome> RunAsync(string store, string? snapshot = null, TimeProvider? time = null) =>
        TestPipeline.RunIngestAsync(store, snapshot, time);

    private static JsonElement ReadJson(string path) => TestPipeline.ReadJson(path);

    [Fact]
    public async Task RunAsync_BundledSnapshot_PublishesEveryTableWithAMatchingDataPackage()
    {
        var store = TestPaths.NewTempFolder();

        var outcome = await RunAsync(store);

        Assert.Equal(RunStatus.Published, outcome.Status);
        var latest = ReadJson(Path.Combine(store, "latest.json"));
        Assert.Equal(outcome.RunId, latest.GetProperty("run_id").GetString());
        var runFolder = Path.Combine(store, "runs", outcome.RunId);
        var package = ReadJson(Path.Combine(runFolder, "datapackage.json"));
        var resources = package.GetProperty("resources").EnumerateArray().ToList();
        var names = resources.Select(r => r.GetProperty("name").GetString()).ToList();
        // ba_hourly in parts, one resource each, named {table}_{part} and marked with table and part.
        Assert.Superset(new HashSet<string?> { "ba_hourly_2025_h1", "ba_hourly_2025_h2", "ba_hourly_api", "ba_annual", "quarantine" }, names.ToHashSet());
        Assert.Equal(["data/ba_hourly/2025_h1.csv", "data/ba_hourly/2025_h2.csv", "data/ba_hourly/api.csv"],
            resources.Where(r => r.TryGetProperty("table", out var t) && t.GetString() == "ba_hourly" && r.GetProperty("format").GetString() == "csv").Select(r => r.GetProperty("path").GetString()));
        Assert.Equal(names.Count, names.Distinct().Count());
        // The normalised tables end with quarantine (its CSV, then its Parquet); the gap's outputs (under gap/) follow them.
        Assert.Equal(["quarantine", "quarantine.parquet"], resources.Where(r => r.GetProperty("path").GetString()!.StartsWith("data/", StringComparison.Ordinal)).TakeLast(2).Select(r => r.GetProperty("name").GetString()));
        foreach (var resource in resources.Where(r => r.GetProperty("format").GetString() == "csv"))
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(runFolder, resource.GetProperty("path").GetString()!));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), resource.GetProperty("sha256").GetString());
            Assert.Equal(bytes.Length, resource.GetProperty("bytes").GetInt64());
            var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(lines.Length - 1, resource.GetProperty("row_count").GetInt64());
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString());
            Assert.Equal(lines[0].Split(','), fields);
        }

        Assert.Equal([1440L, 3360L], resources.Where(r => r.GetProperty("format").GetString() == "csv").Take(2).Select(r => r.GetProperty("row_count").GetInt64()));
        var sources = package.GetProperty("sources").EnumerateArray().ToList();
        // The file list, two BALANCE files and three API pages.
        Assert.Equal(6, sources.Count(s => s.GetProperty("name").GetString()!.StartsWith("eia930_", StringComparison.Ordinal)));
        Assert.All(sources, s => Assert.True(File.Exists(Path.Combine(store, s.GetProperty("raw_path").GetString()!))));
        // Sample files: credited as samples in EIA's format, not under EIA's licence as EIA's data.
        Assert.Contains(package.GetProperty("licenses").EnumerateArray(), l => l.GetProperty("attribution").GetString() == "Sample written by this project in the format of EIA-930; not EIA data.");
        Assert.DoesNotContain(package.GetProperty("licenses").EnumerateArray(), l => l.GetProperty("name").GetString() == "US-PD");
    }

    [Fact]
    public async Task RunAsync_BundledSnapshot_KeepsBulkValuesWhereTheApiOverlapsThem()
    {
        var store = TestPaths.NewTempFolder();

        var outcome = await RunAsync(store);

        var api = outcome.Report.Sources.Single(s => s.Name == "eia930_api");
        var bulk = outcome.Report.Sources.Single(s => s.Name == "eia930_bulk");
        Assert.Equal(600, api.RowsIn);
        Assert.True(api.RowsSuperseded > 0);
        Assert.Equal(api.RowsIn, api.RowsOut + api.RowsSuperseded);
        Assert.Equal(bulk.RowsIn, bulk.RowsOut);
        var parts = Directory.GetFiles(Path.Combine(store, "runs", outcome.RunId, "data", "ba_hourly"), "*.csv");
        Assert.Equal(3, parts.Length);
        var keys = parts.SelectMany(p => File.ReadLines(p).Skip(1)).Select(l => string.Join(',', l.Split(',').Take(3))).ToList();
        Assert.Equal(bulk.RowsOut + api.RowsOut, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task RunAsync_SameInputsAgain_PublishesNothingNewAndSaysSo()
    {
        var store = TestPaths.NewTempFolder();
        var first = await RunAsync(store);
        var latestBefore = await File.ReadAllBytesAsync(Path.Combine(store, "latest.json"));

        var second = await RunAsync(store, time: new FakeTimeProvider(TestPipeline.Now.AddHours(1)));

        Assert.Equal(RunStatus.Unchanged, second.Status);
        Assert.Equal(first.RunId, second.RunId);
        Assert.Contains("nothing new was published", second.Message, StringComparison.Ordinal);
        Assert.Equal(latestBefore, await File.ReadAllBytesAsync(Path.Combine(store, "latest.json")));
        Assert.Single(Directory.GetDirectories(Path.Combine(store, "runs")));
        Assert.All(second.Report.Sources.SelectMany(s => s.Files), f => Assert.True(f.AlreadyArchived));
    }

    [Fact]
    public async Task RunAsync_BalanceFileLosesARequiredColumn_FailsNamingItAndLeavesLatestOnThePreviousRun()
    {
        var store = TestPaths.NewTempFolder();
        var good = await RunAsync(store);
        var latestBefore = await File.ReadAllBytesAsync(Path.Combine(store, "latest.json"));
        var snapshot = TestPaths.CopyOfSnapshot();
        var bulk = Path.Combine(snapshot, TestPaths.BulkSnapshotFile);
        var lines = await File.ReadAllLinesAsync(bulk);
        lines[0] = lines[0].Replace("Demand (MW),", "Load (MW),", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(bulk, lines);

        var failed = await RunAsync(store, snapshot, new FakeTimeProvider(TestPipeline.Now.AddHours(1)));

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains("required column missing: 'Demand (MW)'", failed.Message, StringComparison.Ordinal);
        Assert.Contains("EIA930_BALANCE_2025_Jul_Dec.csv", failed.Message, StringComparison.Ordinal);
        Assert.Equal(good.RunId, failed.LatestRunId);
        Assert.Equal(latestBefore, await File.ReadAllBytesAsync(Path.Combine(store, "latest.json")));
        var report = ReadJson(Path.Combine(store, "runs", failed.RunId, "report.json"));
        Assert.Equal("failed", report.GetProperty("status").GetString());
        var bulkReport = report.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "eia930_bulk");
        Assert.Equal("failed", bulkReport.GetProperty("status").GetString());
        Assert.Contains("'Demand (MW)'", bulkReport.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(store, "runs", failed.RunId, "data")));
    }

    [Fact]
    public async Task RunAsync_MalformedRows_AreQuarantinedWithFileLineAndReasonAndTheRunStillPublishes()
    {
        var store = TestPaths.NewTempFolder();
        var snapshot = TestPaths.CopyOfSnapshot();
        var bulk = Path.Combine(snapshot, TestPaths.BulkSnapshotFile);
        var lines = (await File.ReadAllLinesAsync(bulk)).ToList();
        lines[5] = lines[5].Replace(" AM,", " XM,", StringComparison.Ordinal).Replace(" PM,", " XM,", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(bulk, lines);

        var outcome = await RunAsync(store, snapshot);

        Assert.Equal(RunStatus.Published, outcome.Status);
        Assert.Equal(1, outcome.Report.QuarantinedRows);
        var quarantine = await File.ReadAllLinesAsync(Path.Combine(store, "runs", outcome.RunId, "data", "quarantine.csv"));
        var row = quarantine[1];
        Assert.StartsWith("eia930_bulk,EIA930_BALANCE_2025_Jul_Dec.csv,raw/eia930_bulk/", row, StringComparison.Ordinal);
        Assert.Contains(",6,", row, StringComparison.Ordinal);
        Assert.Contains("is not a date and time", row, StringComparison.Ordinal);
        Assert.Equal(1, outcome.Report.Sources.Single(s => s.Name == "eia930_bulk").RowsQuarantined);
    }

    [Fact]
    public async Task RunAsync_MoreMalformedRowsThanTheLimit_FailsTheFileNamingItTheLimitAndItsFirstBadRow()
    {
        var store = TestPaths.NewTempFolder();
        var snapshot = TestPaths.CopyOfSnapshot();
        var bulk = Path.Combine(snapshot, TestPaths.BulkSnapshotFile);
        var lines = await File.ReadAllLinesAsync(bulk);
        // Every data row's time made unreadable: 840 rows to quarantine, past a limit of 100.
        await File.WriteAllLinesAsync(bulk, lines.Select((l, i) => i == 0 ? l : l.Replace(" AM,", " XM,", StringComparison.Ordinal).Replace(" PM,", " XM,", StringComparison.Ordinal)));

        var outcome = await TestPipeline.RunIngestAsync(store, snapshot, settings: new Dictionary<string, string?> { ["Sources:Limits:MaxQuarantinedRowsPerFile"] = "100" });

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("eia930_bulk: EIA930_BALANCE_2025_Jul_Dec.csv: more than 100 rows could not be read, so the file is taken as malformed rather than quarantined row by row (raise Sources:Limits:MaxQuarantinedRowsPerFile if it is genuine); the first, line 2: ", outcome.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(store, "latest.json")));
    }

    [Fact]
    public async Task RunAsync_SourceFileMissingFromSnapshot_FailsNamingTheSourceAndPublishesNothing()
    {
        var store = TestPaths.NewTempFolder();
        var snapshot = TestPaths.CopyOfSnapshot();
        File.Delete(Path.Combine(snapshot, TestPaths.BulkSnapshotFile));

        var outcome = await RunAsync(store, snapshot);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("eia930_bulk: EIA930_BALANCE_2025_Jul_Dec.csv: ", outcome.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(store, "latest.json")));
        Assert.Null(outcome.LatestRunId);
    }
}
