using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
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
        Assert.Equal(46, table.Rows);
        var queues = Assert.Single(outcome.Report.Sources, s => s.Name == "queues");
        Assert.Equal((46L, 46L, 0L), (queues.RowsIn, queues.RowsOut, queues.RowsQuarantined));
        Assert.Null(queues.Notes);
        Assert.Equal(
            ["LBNL_Ix_Queue_Data_File_thru2025.xlsx", "pjm.csv", "pjm_ExportToXls.xlsx", "PublicQueueReport.xlsx", "NYISO-Interconnection-Queue.xlsx", "ercot_mirDownload.xlsx"],
            queues.Files.Select(f => f.FileName));
        var rows = await ReadProjectsAsync(store, outcome.RunId);
        Assert.Equal(46, rows.Count);
        Assert.Equal(["caiso", "ercot", "gridstatus", "lbnl", "nyiso", "pjm"], rows.Select(r => r["source_format"]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["active", "operational", "retired", "suspended", "withdrawn"], rows.Select(r => r["status"]).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(rows, r => r["project_key"] == "1502 Phase II" && r["region"] == "CAISO");
        var rates = Assert.Single(outcome.Report.Tables, t => t.Name == "queue_completion_rates" && t.Format == "csv");
        Assert.Equal(37, rates.Rows);
        var package = await File.ReadAllTextAsync(Path.Combine(store, "runs", outcome.RunId, "datapackage.json"));
        Assert.Contains("\"CC-BY-4.0\"", package, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_GridstatusFileMissingAColumn_FailsNamingFileAndColumnAndPublishesNothing()
    {
        var store = TestPaths.NewTempFolder();
        var snapshot = TestPaths.CopyOfSnapshot();
        var csv = Path.Combine(snapshot, CsvSnapshotFile);
        await File.WriteAllTextAsync(csv, (await File.ReadAllTextAsync(csv)).Replace("Queue Date,", "Submitted,", StringComparison.Ordinal));

        var outcome = await RunAsync(store, snapshot);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("queues: pjm.csv: required column missing: 'Queue Date'.", outcome.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(store, "latest.json")));
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
        Assert.Equal(40, rows.Count);
        Assert.Contains(rows, r => r["source_format"] == "caiso");
    }

    private static async Task<List<Dictionary<string, string>>> ReadProjectsAsync(string store, string runId)
    {
        await using var stream = File.OpenRead(Path.Combine(store, "runs", runId, "data", "queue_projects.csv"));
        using var csv = CsvHelper.CsvReader.Create(stream, CsvHelper.CsvReaderOptions.Default with { Separator = ',', AllowLineBreaksInQuotes = true }, leaveOpen: true);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.Headers.Count).ToDictionary(i => csv.Headers[i], csv.GetString));
        }

        return rows;
    }
}
