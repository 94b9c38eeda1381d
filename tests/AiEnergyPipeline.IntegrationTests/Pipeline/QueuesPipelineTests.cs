using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.TestKit;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The queues source in the whole flow, on the bundled snapshot, published to a folder.</summary>
public class QueuesPipelineTests
{
    private const string CsvSnapshotFile = "queues/gridstatus/pjm.csv";

    private static Task<RunOutcome> RunAsync(string store, string? snapshot = null) =>
        TestPipeline.RunIngestAsync(store, snapshot);

    [Fact]
    public async Task RunAsync_BundledSnapshot_PublishesQueueProjectsFromEveryFileWithNothingQuarantined()
    {
        var store = TestPaths.NewTempFolder();

        var outcome = await RunAsync(store);

        Assert.Equal(RunStatus.Published, outcome.Status);
        var table = Assert.Single(outcome.Report.Tables, t => t.Name == "queue_projects" && t.Format == "csv");
        Assert.Equal(63, table.Rows);
        var queues = Assert.Single(outcome.Report.Sources, s => s.Name == "queues");
        Assert.Equal((63L, 63L, 0L), (queues.RowsIn, queues.RowsOut, queues.RowsQuarantined));
        Assert.Null(queues.Notes);
        Assert.Equal(
            ["LBNL_Ix_Queue_Data_File_thru2025.xlsx", "pjm.csv", "pjm_ExportToXls.xlsx", "PublicQueueReport.xlsx", "NYISO-Interconnection-Queue.xlsx", "ercot_mirDownload.xlsx", "isone_external.html",
             "spp_GenerateActiveCSV.csv", "spp_GenerateWithdrawnCSV.csv", "miso_getprojects.json"],
            queues.Files.Select(f => f.FileName));
        var rows = await ReadProjectsAsync(store, outcome.RunId);
        Assert.Equal(63, rows.Count);
        Assert.Equal(["caiso", "ercot", "gridstatus", "isone", "lbnl", "miso", "nyiso", "pjm", "spp"], rows.Select(r => r["source_format"]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["active", "operational", "retired", "suspended", "withdrawn"], rows.Select(r => r["status"]).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(rows, r => r["project_key"] == "1502 Phase II" && r["region"] == "CAISO");
        Assert.Equal(["533 Phase I", "533 Phase II"], rows.Where(r => r["region"] == "ISO-NE" && r["queue_id"] == "533").Select(r => r["project_key"]));
        // ISO-NE from its page: the Status letter decides, Project Status is kept; the TS and ETU requests are no projects.
        Assert.Equal(
            [("1187", "suspended", "Suspended (A)"), ("533 Phase I", "active", "Under Construction (A)"), ("533 Phase II", "active", "Under Study (A)"),
             ("614", "operational", "In Service (C)"), ("702", "active", "Partially in Service (A)"), ("845", "withdrawn", "W")],
            rows.Where(r => r["source_format"] == "isone").Select(r => (r["project_key"], r["status"], r["status_raw"])).Order());
        Assert.All(rows.Where(r => r["source_format"] == "isone"), r => Assert.Equal("isone_external.html", r["source_file"]));
        var rates = Assert.Single(outcome.Report.Tables, t => t.Name == "queue_completion_rates" && t.Format == "csv");
        Assert.Equal(49, rates.Rows);
        var package = await File.ReadAllTextAsync(Path.Combine(store, "runs", outcome.RunId, "datapackage.json"));
        // Sample files: credited as samples in LBNL's and the ISOs' formats, not under LBNL's CC-BY licence as its data.
        var licences = System.Text.Json.JsonDocument.Parse(package).RootElement.GetProperty("licenses").EnumerateArray().ToList();
        Assert.Contains(licences, l => l.GetProperty("attribution").GetString() == AiEnergyPipeline.Vocabulary.Licences.InterconnectionQueuesSample.Attribution);
        Assert.DoesNotContain(licences, l => l.GetProperty("name").GetString() == "CC-BY-4.0");
    }

    [Fact]
    public async Task RunAsync_GridstatusFileMissingAColumn_FailsThatIsoAloneNamingFileAndColumn()
    {
        var store = TestPaths.NewTempFolder();
        var snapshot = TestPaths.CopyOfSnapshot();
        var csv = Path.Combine(snapshot, CsvSnapshotFile);
        await File.WriteAllTextAsync(csv, (await File.ReadAllTextAsync(csv)).Replace("Queue Date,", "Submitted,", StringComparison.Ordinal));

        var outcome = await RunAsync(store, snapshot);

        // A gridstatus file holds one ISO's queue, as an ISO's own file does: PJM is incomplete, the run publishes.
        Assert.Equal(RunStatus.Published, outcome.Status);
        var queues = Assert.Single(outcome.Report.Sources, s => s.Name == "queues");
        Assert.Equal(SourceStatus.Partial, queues.Status);
        var failure = Assert.Single(queues.FailedFiles!);
        Assert.Equal(("pjm.csv", "PJM", "queues: pjm.csv: required column missing: 'Queue Date'."), (failure.FileName, failure.Missing, failure.Error));
        var rows = await ReadProjectsAsync(store, outcome.RunId);
        Assert.DoesNotContain(rows, r => r["source_format"] == "gridstatus");
        // PJM's rows (from the LBNL workbook) are there, and every one says its queue is incomplete.
        Assert.Contains(rows, r => r["region"] == "PJM");
        Assert.All(rows.Where(r => r["region"] == "PJM"), r => Assert.Equal("false", r["complete"]));
    }

    [Fact]
    public async Task RunAsync_IsoFileInAnotherLayout_FailsThatIsoAloneAndPublishesTheOthers()
    {
        var store = TestPaths.NewTempFolder();
        var snapshot = TestPaths.CopyOfSnapshot();
        // NYISO's workbook replaced by CAISO's: a file in a layout the NYISO adapter does not know.
        File.Copy(Path.Combine(snapshot, "queues/caiso/PublicQueueReport.xlsx"), Path.Combine(snapshot, "queues/nyiso/NYISO-Interconnection-Queue.xlsx"), overwrite: true);

        var outcome = await RunAsync(store, snapshot);

        Assert.Equal(RunStatus.Published, outcome.Status);
        var queues = Assert.Single(outcome.Report.Sources, s => s.Name == "queues");
        var note = Assert.Single(queues.Notes!);
        Assert.StartsWith("queues: NYISO-Interconnection-Queue.xlsx: not in the NYISO queue layout: no sheet has its columns; the closest, sheet ", note, StringComparison.Ordinal);
        Assert.Contains("required columns missing: ", note, StringComparison.Ordinal);
        Assert.EndsWith("NYISO's queue is missing from this run; the other queues are published.", note, StringComparison.Ordinal);
        var rows = await ReadProjectsAsync(store, outcome.RunId);
        Assert.DoesNotContain(rows, r => r["source_format"] == "nyiso");
        Assert.Equal(57, rows.Count);
        Assert.Contains(rows, r => r["source_format"] == "caiso");
    }

    [Fact]
    public async Task RunAsync_SecondRunAgainstAChangedQueue_PublishesTheChangesWithBothRunIds()
    {
        var store = TestPaths.NewTempFolder();
        var first = await RunAsync(store);
        var snapshot = TestPaths.CopyOfSnapshot();
        WriteNyisoAMonthLater(snapshot);

        var second = await RunAsync(store, snapshot);

        Assert.Equal((RunStatus.Published, RunStatus.Published), (first.Status, second.Status));
        Assert.Equal(0, Assert.Single(first.Report.Tables, t => t.Name == "queue_changes" && t.Format == "csv").Rows);
        var changes = await ReadTableAsync(store, second.RunId, "queue_changes");
        Assert.Equal(
            [("1098", "in_service"), ("1098", "capacity_changed"), ("1177", "proposed_date_moved"), ("1200", "entered"), ("1021", "withdrawn"), ("0845", "left")],
            changes.Select(c => (c["project_key"], c["change"])));
        Assert.All(changes, c => Assert.Equal((first.RunId, second.RunId, "NYISO"), (c["previous_run_id"], c["run_id"], c["region"])));
        Assert.Equal(("2028-12-01", "2029-03-01", "3"), (changes[2]["from_value"], changes[2]["to_value"], changes[2]["months_moved"]));
    }

    [Fact]
    public async Task RunAsync_LiveRunAfterASampleRun_ComparesNothingAndSaysWhy()
    {
        var store = TestPaths.NewTempFolder();
        var sample = await RunAsync(store);
        // The same files served live (NYISO a month later): fetched, so real by their label.
        var snapshot = TestPaths.CopyOfSnapshot();
        WriteNyisoAMonthLater(snapshot);
        await using var server = await FaultServer.StartAsync(snapshot);
        var settings = server.LiveSettings();
        settings["PublishedStorage:Path"] = store;
        await using var services = TestPipeline.Build(settings, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestPipeline.Now.AddHours(1)));

        var live = await TestPipeline.RunIngestAsync(services);

        Assert.Equal((RunStatus.Published, "live"), (live.Status, live.Report.Mode));
        // Against the sample run NYISO's invented projects would have entered, moved and left.
        Assert.Empty(await ReadTableAsync(store, live.RunId, "queue_changes"));
        var queues = Assert.Single(live.Report.Sources, s => s.Name == "queues");
        Assert.Contains(queues.Notes!, n => n.StartsWith($"queue_changes: not compared with run {sample.RunId}: that run was made from sample files and this run is not", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_LiveRunAfterARecordedRun_ChangesSayTheLessDirectOriginOfTheTwo()
    {
        var store = TestPaths.NewTempFolder();
        var snapshot = TestPaths.CopyOfSnapshot();
        await using var server = await FaultServer.StartAsync(snapshot);
        var recording = Path.Combine(TestPaths.NewTempFolder(), "recorded");
        var recordSettings = server.LiveSettings();
        recordSettings["PublishedStorage:Path"] = TestPaths.NewTempFolder();
        await using (var recorder = TestPipeline.Build(recordSettings))
        {
            await recorder.GetRequiredService<AiEnergyPipeline.Pipeline.Recording.SnapshotRecorder>().RecordAsync(recording, CancellationToken.None);
        }

        var replay = await TestPipeline.RunIngestAsync(store, recording);
        // NYISO a month later at the source, fetched live.
        WriteNyisoAMonthLater(snapshot);
        var settings = server.LiveSettings();
        settings["PublishedStorage:Path"] = store;
        await using var services = TestPipeline.Build(settings, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestPipeline.Now.AddHours(1)));

        var live = await TestPipeline.RunIngestAsync(services);

        Assert.Equal(("recorded", "live"), (replay.Report.Mode, live.Report.Mode));
        var changes = await ReadTableAsync(store, live.RunId, "queue_changes");
        Assert.Contains(changes, c => c["change"] == "left");
        // A change is made from the recorded run's projects as well as this run's fetched ones.
        Assert.All(changes, c => Assert.Equal(AiEnergyPipeline.Tables.OriginColumn.Recorded, c[AiEnergyPipeline.Tables.OriginColumn.Name]));
        Assert.All(await ReadProjectsAsync(store, live.RunId), p => Assert.Equal(AiEnergyPipeline.Tables.OriginColumn.Fetched, p[AiEnergyPipeline.Tables.OriginColumn.Name]));
    }

    /// <summary>NYISO a month later: 1098 in service with 10 MW more, 1177's date three months later, 1200 new, 1021 withdrawn, 0845 no longer listed.</summary>
    internal static void WriteNyisoAMonthLater(string snapshot)
    {
        object?[] header = ["Queue Pos.", "Project Name", "Date of IR", "SP (MW)", "WP (MW)", "Type/ Fuel", "County", "State", "S", "Proposed COD"];
        XlsxWriter.Write(Path.Combine(snapshot, "queues/nyiso/NYISO-Interconnection-Queue.xlsx"),
            new Sheet("Interconnection Queue",
            [
                header,
                ["1098", "Astoria Battery", 44228.0, 210.0, 210.0, "ES", "Queens", "NY", 14.0, 46327.0],
                ["1177", "Chautauqua Wind", 44454.0, 120.0, 120.0, "W", "Chautauqua", "NY", 5.0, "2029/03"],
                ["1200", "Mohawk Solar", 46000.0, 90.0, 90.0, "S", "Montgomery", "NY", 1.0, "2030/06"],
                ["C24-014", "Seneca Solar", 45413.0, 80.0, 80.0, "S", "Seneca", "NY", 1.0, "2029/06"],
                ["0612", "Saranac Hydro Upgrade", 42373.0, 12.0, 12.0, "H", "Clinton", "NY", 14.0, 43617.0],
            ]),
            new Sheet("Withdrawn", [header, ["1021", "Catskill Solar", 44046.0, 100.0, 100.0, "S", "Greene", "NY", 11.0, "2027/06"]]));
    }

    private static Task<List<Dictionary<string, string>>> ReadProjectsAsync(string store, string runId) => ReadTableAsync(store, runId, "queue_projects");

    internal static async Task<List<Dictionary<string, string>>> ReadTableAsync(string store, string runId, string table)
    {
        await using var stream = File.OpenRead(Path.Combine(store, "runs", runId, "data", $"{table}.csv"));
        using var csv = CsvHelper.CsvReader.Create(stream, CsvHelper.CsvReaderOptions.Default with { Separator = ',', AllowLineBreaksInQuotes = true }, leaveOpen: true);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.Headers.Count).ToDictionary(i => csv.Headers[i], csv.GetString));
        }

        return rows;
    }
}
