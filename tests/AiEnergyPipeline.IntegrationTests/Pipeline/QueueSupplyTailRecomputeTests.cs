using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Vocabulary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The queue supply tail switched on by a recompute of the bundled snapshot's run.</summary>
public class QueueSupplyTailRecomputeTests
{
    private static List<string> Notes(string store, string runId) =>
        TestPipeline.ReadJson(Path.Combine(store, RunPublisher.RunFolder(runId), "gap", "headline.json"))
            .GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();

    private static byte[] GapByYear(string store, string runId) =>
        File.ReadAllBytes(Path.Combine(store, RunPublisher.RunFolder(runId), "gap", "gap_by_year.csv"));

    [Fact]
    public async Task RunAsync_QueueSupplyTailOn_ReadsTheRunsQueuesAndSaysWhatTheTailAdded()
    {
        var store = TestPaths.NewTempFolder();
        var ingest = await TestPipeline.RunIngestAsync(store);
        var recompute = await TestPipeline.RecomputeAsync(store, RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { [AssumptionNames.QueueSupplyTail] = 1 } });

        Assert.Equal(RunStatus.Published, ingest.Status);
        Assert.Equal(RunStatus.Published, recompute.Status);
        // Off (the ingest, the published default) nothing is said; on, the run says what the tail did.
        Assert.DoesNotContain(Notes(store, ingest.RunId), n => n.Contains("queue supply tail", StringComparison.Ordinal));
        // The sample's EIA-860M lists planned units up to 2030, the horizon: there is no year left for the tail, and the gap is the ingest's.
        Assert.Contains("queue supply tail on, nothing added: EIA-860M's planned units reach 2030, and no year after it is within 2025-2030", Notes(store, recompute.RunId));
        Assert.Equal(GapByYear(store, ingest.RunId), GapByYear(store, recompute.RunId));
    }

    [Fact]
    public async Task RunAsync_QueueSupplyTailOnAfterEia860mYears_AddsTheUnmatchedQueueProjectAndSaysSo()
    {
        var store = TestPaths.NewTempFolder();
        var ingest = await TestPipeline.RunIngestAsync(store);
        // The run made one whose EIA-860M planned units end in 2028, so that 2029 and 2030 are the tail's ...
        Patch(store, ingest.RunId, "generators", lines => lines.Where(l => !(l.Split(',')[1] == "planned" && string.CompareOrdinal(l.Split(',')[18], "2029") >= 0)));
        // ... and MISO's gas combined cycle requests resolved often enough for a rate: 3000 of 6000 MW in service, 0.5.
        Patch(store, ingest.RunId, "queue_completion_rates", lines => lines.Append("MISO,gas_combined_cycle,2010,6,3000,6,3000,0,0,0.5,0.5,measured,true"));

        var off = await RecomputeAsync(store, 0, 1);
        var on = await RecomputeAsync(store, 1, 2);

        // The sample's only tail project with a rate: MISO's 1200 MW gas combined cycle proposed for 2030 in Louisiana,
        // which no planned unit lists: 1200 x accreditation 0.74 x rate 0.5 = 444 MW, in 2030 only.
        var before = FirmAdditions(store, off.RunId);
        var after = FirmAdditions(store, on.RunId);
        Assert.NotEmpty(before);
        Assert.All(before, p => Assert.Equal(p.Key.Year == 2030 ? p.Value + 0.444 : p.Value, after[p.Key], 6));
        var note = Assert.Single(Notes(store, on.RunId), n => n.StartsWith("queue supply tail on", StringComparison.Ordinal));
        Assert.StartsWith("queue supply tail on for 2029-2030 (EIA-860M's planned units reach 2028)", note, StringComparison.Ordinal);
        Assert.Contains("1 (1200 MW) were added (0 at their entry cohort's rate, 1 at a pooled rate), 0.444 GW", note, StringComparison.Ordinal);
        Assert.DoesNotContain(Notes(store, off.RunId), n => n.Contains("queue supply tail", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_QueueSupplyTailOnAfterTheRunLostAQueuesFile_AddsNoTailAndNamesTheQueue()
    {
        var store = TestPaths.NewTempFolder();
        var ingest = await TestPipeline.RunIngestAsync(store);
        Patch(store, ingest.RunId, "generators", lines => lines.Where(l => !(l.Split(',')[1] == "planned" && string.CompareOrdinal(l.Split(',')[18], "2029") >= 0)));
        // The run read SPP's queue from no file (its report says so): queue_projects has no SPP row to say it is incomplete.
        var reportPath = Path.Combine(store, RunPublisher.ReportPath(ingest.RunId));
        var report = JsonNode.Parse(File.ReadAllText(reportPath))!;
        var queues = report["sources"]!.AsArray().Single(s => (string?)s!["name"] == SourceNames.Queues)!;
        queues["status"] = "partial";
        queues["failed_files"] = new JsonArray(new JsonObject { ["file_name"] = "spp.csv", ["setting"] = "Sources:Queues:Files:7", ["url"] = "https://example.invalid/spp.csv", ["missing"] = "SPP", ["stage"] = "fetch", ["error"] = "queues: spp.csv: HTTP 500" });
        File.WriteAllText(reportPath, report.ToJsonString());
        // A rate for MISO's tail project, as in the test above: without the lost file's guard, 0.444 GW would be added in 2030.
        Patch(store, ingest.RunId, "queue_completion_rates", lines => lines.Append("MISO,gas_combined_cycle,2010,6,3000,6,3000,0,0,0.5,0.5,measured,true"));

        var off = await RecomputeAsync(store, 0, 1);
        var on = await RecomputeAsync(store, 1, 2);

        Assert.Contains(Notes(store, on.RunId), n => n.StartsWith("queue supply tail not added (firm additions of 2029-2030 are EIA-860M's only): the queues SPP were read only in part", StringComparison.Ordinal));
        Assert.Equal(FirmAdditions(store, off.RunId), FirmAdditions(store, on.RunId));
    }

    private static async Task<RunOutcome> RecomputeAsync(string store, double tail, int hours)
    {
        var outcome = await TestPipeline.RecomputeAsync(store, RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { [AssumptionNames.QueueSupplyTail] = tail } }, hours);
        Assert.Equal(RunStatus.Published, outcome.Status);
        return outcome;
    }

    /// <summary>gap_by_year's firm_additions_gw by scenario and year (the file has no quoted fields).</summary>
    private static Dictionary<(string Scenario, int Year), double> FirmAdditions(string store, string runId) =>
        File.ReadAllLines(Path.Combine(store, RunPublisher.RunFolder(runId), "gap", "gap_by_year.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => (f[0], int.Parse(f[1], CultureInfo.InvariantCulture)), f => double.Parse(f[7], CultureInfo.InvariantCulture));

    /// <summary>Rewrites a published table of the run (its CSV has no quoted fields) and its size and hash in datapackage.json.</summary>
    private static void Patch(string store, string runId, string table, Func<IEnumerable<string>, IEnumerable<string>> rewrite)
    {
        var path = Path.Combine(store, RunPublisher.RunFolder(runId), "data", table + ".csv");
        var lines = File.ReadAllLines(path);
        File.WriteAllText(path, string.Concat(lines.Take(1).Concat(rewrite(lines.Skip(1))).Select(l => l + "\n")));
        var bytes = File.ReadAllBytes(path);
        Assert.NotEqual(lines.Length, File.ReadAllLines(path).Length);
        var packagePath = Path.Combine(store, RunPublisher.DataPackagePath(runId));
        var package = JsonNode.Parse(File.ReadAllText(packagePath))!;
        var resource = package["resources"]!.AsArray().Single(r => (string?)r!["path"] == $"data/{table}.csv")!;
        resource["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
        resource["bytes"] = bytes.Length;
        File.WriteAllText(packagePath, package.ToJsonString());
    }
}
