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
    public async Task RunAsync_BundledSnapshot_PublishesQueueProjectsFromBothFilesWithNothingQuarantined()
    {
        var store = TestPaths.NewTempFolder();

        var outcome = await RunAsync(store);

        Assert.Equal(RunStatus.Published, outcome.Status);
        var table = Assert.Single(outcome.Report.Tables, t => t.Name == "queue_projects" && t.Format == "csv");
        Assert.Equal(19, table.Rows);
        var queues = Assert.Single(outcome.Report.Sources, s => s.Name == "queues");
        Assert.Equal((19L, 19L, 0L), (queues.RowsIn, queues.RowsOut, queues.RowsQuarantined));
        Assert.Equal(["LBNL_Ix_Queue_Data_File_thru2025.xlsx", "pjm.csv"], queues.Files.Select(f => f.FileName));
        var lines = await File.ReadAllLinesAsync(Path.Combine(store, "runs", outcome.RunId, "data", "queue_projects.csv"));
        Assert.Equal(20, lines.Length);
        Assert.Equal(["gridstatus", "lbnl"], lines.Skip(1).Select(l => l.Split(',')[^2]).Distinct().Order(StringComparer.Ordinal));
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
}
