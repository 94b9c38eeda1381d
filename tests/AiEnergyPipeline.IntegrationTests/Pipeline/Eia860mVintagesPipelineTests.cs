using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Globalization;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The EIA-860M vintages as partitions: the bundled sample's six offline, and against a real local server that counts its answers.</summary>
public class Eia860mVintagesPipelineTests
{
    private static readonly string[] Vintages = ["2023-01", "2024-01", "2025-01", "2026-01", "2026-07", "2026-08"];

    private static string PathOf(string vintage) =>
        "/eia860m/xls/" + Eia860mSource.FileName(DateOnly.ParseExact(vintage, "yyyy-MM", CultureInfo.InvariantCulture));

    private static async Task<RunOutcome> RunLiveAsync(SourcesServer server, string store, int hoursLater = 0)
    {
        var settings = server.Settings(store, TestPaths.NewTempFolder());
        for (var i = 0; i < Vintages.Length; i++)
        {
            settings[$"Sources:Eia860m:Vintages:{i}"] = Vintages[i];
        }

        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(TestPipeline.Now.AddHours(hoursLater)));
        return await TestPipeline.RunIngestAsync(services);
    }

    private static async Task<SourcesServer> StartAsync()
    {
        var files = BalanceFiles.History(2025, 1);
        var server = await SourcesServer.StartAsync(files);
        server.Files[SourcesServer.ListPath] = BalanceFiles.List(files.Keys);
        return server;
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Fields(lines[0]);
        return lines.Skip(1).Select(l => header.Zip(Fields(l)).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    /// <summary>The fields of a CSV line (quoted fields may hold commas and doubled quotes; the published tables have no line breaks in these columns).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static double Number(Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);

    [Fact]
    public async Task RunAsync_BundledSample_PublishesTheVintageTablesWithEveryRealisationRowReAdding()
    {
        var store = TestPaths.NewTempFolder();

        var outcome = await TestPipeline.RunIngestAsync(store);

        Assert.Equal(RunStatus.Published, outcome.Status);
        Assert.Equal(Vintages, outcome.Report.Partitions!.Where(p => p.Source == Eia860mSource.SourceName).Select(p => p.Name));
        var data = Path.Combine(store, "runs", outcome.RunId, "data");
        var realisation = ReadCsv(Path.Combine(data, "planned_realisation.csv"));
        Assert.Equal([2023, 2024, 2025], realisation.Select(r => int.Parse(r["cohort_year"], CultureInfo.InvariantCulture)).Distinct());
        Assert.All(realisation, r =>
        {
            Assert.InRange(Number(r, "planned_mw") - (Number(r, "online_mw") + Number(r, "slipped_mw") + Number(r, "canceled_mw") + Number(r, "vanished_mw")), -0.001, 0.001);
            Assert.InRange(Number(r, "realisation_rate"), 0, 1);
        });
        // The sample's cohorts: 2023 has every outcome (200 online, 300 slipped, 150 canceled, 20 vanished).
        var all2023 = realisation.Single(r => r["cohort_year"] == "2023" && r["accreditation_class"] == "all" && r["status_at_start"] == "all");
        Assert.Equal((670.0, 200.0, 300.0, 150.0, 20.0), (Number(all2023, "planned_mw"), Number(all2023, "online_mw"), Number(all2023, "slipped_mw"), Number(all2023, "canceled_mw"), Number(all2023, "vanished_mw")));
        Assert.All(ReadCsv(Path.Combine(data, "generators.csv")), r => Assert.Equal("2026-08", r["report_month"]));
        Assert.Contains(ReadCsv(Path.Combine(data, "generator_changes.csv")), r => r["generator_id"] == "PV1" && r["valid_from_month"] == "2024-01" && r["planned_operation_month"] == "2025-06");
        Assert.Contains(ReadCsv(Path.Combine(data, "planned_vs_built_by_year.csv")), r => r["year"] == "2026" && r["accreditation_class"] == "all" && r["year_complete"] == "false");
        var package = TestPipeline.ReadJson(Path.Combine(store, "runs", outcome.RunId, "datapackage.json"));
        var resources = package.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();
        Assert.All(new[] { "generator_changes", "planned_realisation", "planned_vs_built_by_year" }, t =>
        {
            Assert.Contains(t, resources);
            Assert.Contains(t + ".parquet", resources);
        });
        var eia860m = package.GetProperty("sources").EnumerateArray().Where(s => s.GetProperty("name").GetString() == Eia860mSource.SourceName).ToList();
        Assert.Equal(6, eia860m.Count);
        Assert.All(eia860m, s => Assert.Equal("sample", s.GetProperty("origin").GetString()));
    }

    [Fact]
    public async Task RunAsync_BundledSample_MeasuredWeightReplacesTheAssumedOneWhereTheCohortsAreLargeEnough()
    {
        var store = TestPaths.NewTempFolder();

        var outcome = await TestPipeline.RunIngestAsync(store);

        var assumptions = ReadCsv(Path.Combine(store, "runs", outcome.RunId, "data", "assumptions.csv"));
        // U: 1404 MW planned over the cohorts 2023-2025, 350 online; V (530 MW) is under the 1000 MW threshold and keeps its assumption.
        var u = assumptions.Single(a => a["name"] == "completion_weight.U");
        Assert.Equal("0.249288", u["value"]);
        Assert.StartsWith("MEASURED", u["notes"], StringComparison.Ordinal);
        Assert.StartsWith("ASSUMPTION", assumptions.Single(a => a["name"] == "completion_weight.V")["notes"], StringComparison.Ordinal);
        var additions = ReadCsv(Path.Combine(store, "runs", outcome.RunId, "gap", "additions_by_year_technology.csv"));
        Assert.Contains(additions, r => r["basis"] == "measured");
        Assert.Contains(additions, r => r["basis"] == "assumption");
        Assert.All(additions, r => Assert.Contains(r["basis"], r["planned_nameplate_mw"] == "0" ? new[] { "none" } : new[] { "measured", "assumption", "mixed" }));
    }

    [Fact]
    public async Task RunAsync_NoVintageChanged_SecondRunDownloadsAndParsesNone()
    {
        await using var server = await StartAsync();
        var store = TestPaths.NewTempFolder();
        var first = await RunLiveAsync(server, store);
        Assert.Equal(RunStatus.Published, first.Status);
        Assert.All(Vintages, v => Assert.Equal(1, server.Count(PathOf(v), 200)));
        server.Clear();

        var second = await RunLiveAsync(server, store, hoursLater: 1);

        Assert.Equal(RunStatus.Unchanged, second.Status);
        // One conditional request a vintage, answered 304: no workbook downloaded, none parsed.
        Assert.All(Vintages, v => Assert.Equal((1, 1), (server.Answers.Count(a => a.Path == PathOf(v)), server.Count(PathOf(v), 304))));
        Assert.All(second.Report.Partitions!.Where(p => p.Source == Eia860mSource.SourceName), p => Assert.Equal(PartitionStatus.Reused, p.Status));
    }

    [Fact]
    public async Task RunAsync_NewestMonthFoundBySearching_EachWorkbookIsAskedForOnceARun()
    {
        await using var server = await StartAsync();
        var store = TestPaths.NewTempFolder();
        var work = TestPaths.NewTempFolder();

        async Task<RunOutcome> RunDefaultAsync(int hoursLater)
        {
            // The live default: no month pinned, so the plan searches back from today (2026-11) for the
            // newest workbook (2026-08), and the vintages are those around it: the snapshot's six.
            var settings = server.Settings(store, work);
            settings.Remove("Sources:Eia860m:Month");
            settings.Remove("Sources:Eia860m:Vintages:0");
            settings["Sources:Eia860m:VintagesFromYear"] = "2023";
            settings["Sources:Eia860m:RecentVintages"] = "2";
            await using var services = TestPipeline.Build(settings, new FakeTimeProvider(TestPipeline.Now.AddHours(hoursLater)));
            return await TestPipeline.RunIngestAsync(services);
        }

        var first = await RunDefaultAsync(0);
        Assert.Equal(RunStatus.Published, first.Status);
        // The plan's search downloaded the newest workbook; its partition took it from there, not from the server again.
        Assert.All(Vintages, v => Assert.Equal(1, server.Answers.Count(a => a.Path == PathOf(v))));
        server.Clear();

        var second = await RunDefaultAsync(1);

        Assert.Equal(RunStatus.Unchanged, second.Status);
        Assert.All(Vintages, v => Assert.Equal((1, 1), (server.Answers.Count(a => a.Path == PathOf(v)), server.Count(PathOf(v), 304))));
    }

    [Fact]
    public async Task RunAsync_OneVintageUnreadable_FailsItsPartitionNamingTheFileAndTheOthersStillRun()
    {
        await using var server = await StartAsync();
        server.Files[PathOf("2024-01")] = [.. "PK\u0003\u0004 not really a workbook"u8];
        var store = TestPaths.NewTempFolder();

        var failed = await RunLiveAsync(server, store);

        Assert.Equal(RunStatus.Failed, failed.Status);
        // The fan-out fails the run at the failed partition: the source's report names it and its file,
        // and the partitions' markers say how each ended.
        var source = failed.Report.Sources.Single(s => s.Name == Eia860mSource.SourceName);
        Assert.Equal(SourceStatus.Failed, source.Status);
        Assert.StartsWith("partition 2024-01: eia860m: january_generator2024.xlsx:", source.Error, StringComparison.Ordinal);
        Assert.Contains("eia860m: january_generator2024.xlsx:", failed.Message, StringComparison.Ordinal);
        var partitions = (await TestPipeline.PartitionOutcomesAsync(store, failed)).Values.Where(p => p.Partition.Source == Eia860mSource.SourceName).ToList();
        Assert.Equal(Vintages.Length, partitions.Count);
        var bad = Assert.Single(partitions, p => p.Status == PartitionStatus.Failed);
        Assert.Equal("2024-01", bad.Partition.Name);
        Assert.Contains("eia860m: january_generator2024.xlsx:", bad.Error, StringComparison.Ordinal);
        Assert.All(partitions.Where(p => p.Partition.Name != "2024-01"), p => Assert.Equal(PartitionStatus.Normalised, p.Status));
        Assert.False(File.Exists(Path.Combine(store, "latest.json")));
    }

    [Fact]
    public async Task RecomputeAsync_OverrideOfTheMeasuredWeight_MakesItsRowsAssumptionAndOtherOverridesKeepMeasured()
    {
        var store = TestPaths.NewTempFolder();
        Assert.Equal(RunStatus.Published, (await TestPipeline.RunIngestAsync(store)).Status);

        var margin = await RecomputeAsync(store, new Dictionary<string, double> { ["reserve_margin"] = 0.25 }, hoursLater: 1);
        var weight = await RecomputeAsync(store, new Dictionary<string, double> { ["completion_weight.U"] = 0.85 }, hoursLater: 2);

        Assert.Contains(ReadCsv(Path.Combine(store, "runs", margin.RunId, "gap", "additions_by_year_technology.csv")), r => r["basis"] == "measured");
        // Rows of built or retiring units only have no weight at all: none.
        Assert.All(ReadCsv(Path.Combine(store, "runs", weight.RunId, "gap", "additions_by_year_technology.csv")), r => Assert.Equal(r["planned_nameplate_mw"] == "0" ? "none" : "assumption", r["basis"]));
    }

    private static async Task<RunOutcome> RecomputeAsync(string store, Dictionary<string, double> assumptions, int hoursLater)
    {
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(store), new FakeTimeProvider(TestPipeline.Now.AddHours(hoursLater)));
        var outcome = await TestPipeline.RecomputeAsync(services, RecomputeRequest.Empty with { Assumptions = assumptions });
        Assert.Equal(RunStatus.Published, outcome.Status);
        return outcome;
    }
}
