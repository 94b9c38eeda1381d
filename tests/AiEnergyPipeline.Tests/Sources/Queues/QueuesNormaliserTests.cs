using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.TestKit;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static AiEnergyPipeline.Tests.Sources.Queues.QueueSamples;

namespace AiEnergyPipeline.Tests.Sources.Queues;

public class QueuesNormaliserTests
{
    private static QueuesOptions Settings(params QueueFileOptions[] files) => new() { Files = files };

    private static Task<(string[] Lines, string[] Quarantine, SourceCounts Counts, List<string> Logs)> RunAsync(QueuesOptions settings, params FetchedFile[] files) =>
        RunAsync(settings, [], files);

    private static async Task<(string[] Lines, string[] Quarantine, SourceCounts Counts, List<string> Logs)> RunAsync(QueuesOptions settings, IReadOnlyList<FileFailure> notDownloaded, params FetchedFile[] files)
    {
        var staging = Repository.NewTempFolder();
        await using var quarantineWriter = TableWriter.Create(staging, Schemas.Quarantine, OriginColumn.Fetched);
        var context = new NormaliseContext(new Dictionary<string, IReadOnlyList<FetchedFile>> { [Source] = files }, staging, new QuarantineTable(quarantineWriter, _ => OriginColumn.Fetched))
        {
            FetchFailures = new Dictionary<string, IReadOnlyList<FileFailure>> { [Source] = notDownloaded },
        };
        var logs = new ListLogger<QueuesNormaliser>();
        var tables = await new QueuesNormaliser(Options.Create(settings), logs).NormaliseAsync(context, CancellationToken.None);
        var quarantine = await quarantineWriter.CompleteAsync(CancellationToken.None);
        Assert.Equal(["queue_projects", "queue_completion_rates"], tables.Select(t => t.Schema.Name));
        var table = tables[0];
        return (await File.ReadAllLinesAsync(table.LocalPath), await File.ReadAllLinesAsync(quarantine.LocalPath), context.CountsOf(Source), logs.Messages);
    }

    private static QueueFileOptions Lbnl() => new() { Url = "https://emp.lbl.gov/q.xlsx" };

    private static QueueFileOptions Pjm() => new() { Url = "https://data.gridstatus.example/pjm.csv", Format = "gridstatus", Region = "PJM" };

    [Fact]
    public async Task NormaliseAsync_BothFormats_WritesTheSchemaColumnsInFileOrder()
    {
        var workbook = Workbook(Introduction, DataSheet(LbnlRow(id: "254.0", type: "Solar+Battery", mw2: 150.0), LbnlRow(id: "9", entity: "PJM", region: "PJM", proposed: "2028")));
        var csv = Text("pjm.csv", Gridstatus(GridstatusRow(id: "AF1-123", name: "Keystone\nSolar")));

        var (lines, quarantine, counts, _) = await RunAsync(Settings(Lbnl(), Pjm()), workbook, csv);

        Assert.Equal(string.Join(",", Schemas.QueueProjects.ColumnNames), lines[0]);
        Assert.Equal(
        [
            "ERCOT,254,Sunny Flats,TX,Pecos,Solar+Battery,solar_pv,300,150,150,,2021-03-15,2027-11-01,month,active,ERCOT,lbnl,queued_up.xlsx,active,,,254,battery_storage,,true,fetched",
            "PJM,9,Sunny Flats,TX,Pecos,Solar,solar_pv,300,0,,,2021-03-15,2028-01-01,year,active,PJM,lbnl,queued_up.xlsx,active,,,9,,,true,fetched",
            "PJM,AF1-123,Keystone Solar,PA,Cumberland,Solar,solar_pv,120,0,,,2019-10-31,2026-04-01,month,active,PJM,gridstatus,pjm.csv,Active,,,AF1-123,,,true,fetched",
        ],
            lines.Skip(1));
        Assert.Single(quarantine);
        Assert.Equal((3L, 3L), (counts.RowsIn, counts.RowsOut));
    }

    [Fact]
    public async Task NormaliseAsync_DuplicateRegionAndId_KeepsTheFirstAndQuarantinesTheLaterNamingBoth()
    {
        var workbook = Workbook(DataSheet(LbnlRow(id: "AF1-123", entity: "PJM", region: "PJM"), LbnlRow(id: "7"), LbnlRow(id: 7.0), LbnlRow(id: "7", entity: "MISO", region: "MISO")));
        var csv = Text("pjm.csv", Gridstatus(GridstatusRow(id: "AF1-123"), GridstatusRow(id: "AF1-124")));

        var (lines, quarantine, counts, _) = await RunAsync(Settings(Lbnl(), Pjm()), workbook, csv);

        Assert.Equal(["PJM,AF1-123", "ERCOT,7", "MISO,7", "PJM,AF1-124"], lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))));
        Assert.Equal(3, quarantine.Length);
        Assert.Equal(
            "queues,queued_up.xlsx,raw/queues/queued_up.xlsx,6,sheet '03. Complete Queue Data' row 6: duplicate of region 'ERCOT' project '7' read first from queued_up.xlsx sheet '03. Complete Queue Data' row 5,\"ERCOT,7,Sunny Flats\",fetched",
            quarantine[1]);
        Assert.Equal(
            "queues,pjm.csv,raw/queues/pjm.csv,2,duplicate of region 'PJM' project 'AF1-123' read first from queued_up.xlsx sheet '03. Complete Queue Data' row 4,\"PJM,AF1-123,Keystone Solar\",fetched",
            quarantine[2]);
        Assert.Equal((6L, 4L), (counts.RowsIn, counts.RowsOut));
    }

    [Fact]
    public async Task NormaliseAsync_ZeroMwAndUnreadableRows_AreKeptOrQuarantinedAndCounted()
    {
        var workbook = Workbook(DataSheet(LbnlRow(id: "1", mw1: 0.0), LbnlRow(id: "2", mw1: "TBD"), LbnlRow(id: "3")));

        var (lines, quarantine, counts, logs) = await RunAsync(Settings(Lbnl()), workbook);

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("ERCOT,1,Sunny Flats,TX,Pecos,Solar,solar_pv,0,", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, quarantine.Length);
        Assert.Equal((3L, 2L), (counts.RowsIn, counts.RowsOut));
        Assert.Contains("queues: queued_up.xlsx: 2 projects written, 1 of them with 0 MW (kept), 1 rows quarantined", logs);
    }

    [Fact]
    public async Task NormaliseAsync_FewerFilesThanSettings_FailsTheSource()
    {
        var workbook = Workbook(DataSheet(LbnlRow()));

        var error = await Assert.ThrowsAsync<SourceException>(() => RunAsync(Settings(Lbnl(), Pjm()), workbook));

        Assert.Equal("queues: 1 files were fetched but the settings list 2.", error.Message);
    }

    [Fact]
    public async Task NormaliseAsync_WorkbookThatIsAnHtmlPage_FailsNamingTheFile()
    {
        var page = Text("queued_up.xlsx", "<html><body>Moved</body></html>");

        var error = await Assert.ThrowsAsync<SourceException>(() => RunAsync(Settings(Lbnl()), page));

        Assert.Equal("queued_up.xlsx", error.File);
    }

    private sealed class ListLogger<T> : ILogger<T>
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }

    [Fact]
    public async Task NormaliseAsync_UnknownStatusWords_KeptAndCountedInANote()
    {
        var workbook = Workbook(DataSheet(LbnlRow(id: "1", status: "Awaiting tender"), LbnlRow(id: "2", status: "Awaiting tender"), LbnlRow(id: "3")));

        var (lines, _, counts, _) = await RunAsync(Settings(Lbnl()), workbook);

        Assert.Equal(4, lines.Length);
        Assert.Equal(["unknown", "unknown", "active"], lines.Skip(1).Select(l => l.Split(',')[14]));
        Assert.Equal(["2 projects kept with status unknown (no rule knows the words in status_raw): ERCOT: 'Awaiting tender' x2."], counts.Notes);
    }

    [Fact]
    public async Task NormaliseAsync_IsoFileInAnotherLayout_FailsThatIsoAloneWithANote()
    {
        var lbnl = Workbook(DataSheet(LbnlRow(id: "7")));
        var caiso = Workbook("PublicQueueReport.xlsx", new Sheet("Grid GenerationQueue", [["Project Name", "Queue Position", "County", "State"], ["Delta Breeze", "1733", "KERN", "CA"]]));
        var pjm = Text("pjm.csv", Gridstatus(GridstatusRow(id: "AF1-123")));

        var (lines, _, counts, _) = await RunAsync(Settings(Lbnl(), new QueueFileOptions { Format = "caiso" }, Pjm()), lbnl, caiso, pjm);

        Assert.Equal(["ERCOT,7", "PJM,AF1-123"], lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))));
        Assert.Equal((2L, 2L), (counts.RowsIn, counts.RowsOut));
        var note = Assert.Single(counts.Notes);
        Assert.StartsWith("queues: PublicQueueReport.xlsx: not in the CAISO queue layout: no sheet has its columns; the closest, sheet 'Grid GenerationQueue': required columns missing: ", note, StringComparison.Ordinal);
        Assert.EndsWith("CAISO's queue is missing from this run; the other queues are published.", note, StringComparison.Ordinal);
        var failure = Assert.Single(counts.Failures);
        Assert.Equal(("PublicQueueReport.xlsx", "Sources:Queues:Files:1", "CAISO", FailureStage.Read), (failure.FileName, failure.Setting, failure.Missing, failure.Stage));
        Assert.Contains("required columns missing: ", failure.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NormaliseAsync_IsoFileOfOnlyAHeader_FailsThatIsoAloneInsteadOfPublishingAnEmptyQueue()
    {
        var lbnl = Workbook(DataSheet(LbnlRow(id: "7")));
        var pjm = Text("pjm.csv", Gridstatus());

        var (lines, _, counts, _) = await RunAsync(Settings(Lbnl(), Pjm()), lbnl, pjm);

        Assert.Equal(["ERCOT,7"], lines.Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))));
        var failure = Assert.Single(counts.Failures);
        Assert.Equal(("pjm.csv", "PJM", FailureStage.Read, "queues: pjm.csv: no project could be read (0 rows quarantined)."), (failure.FileName, failure.Missing, failure.Stage, failure.Error));
        Assert.EndsWith("PJM's queue is missing from this run; the other queues are published.", Assert.Single(counts.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NormaliseAsync_IsoFileNotDownloaded_LeftOutItsRegionsOtherRowsIncompleteOthersComplete()
    {
        // LBNL lists a CAISO request too: with CAISO's own file missing, that row is all the run has of CAISO.
        var lbnl = Workbook(DataSheet(LbnlRow(id: "7"), LbnlRow(id: "1733", entity: "CAISO", region: "CAISO", state: "CA")));
        var pjm = Text("pjm.csv", Gridstatus(GridstatusRow(id: "AF1-123")));
        var notDownloaded = new FileFailure("PublicQueueReport.xlsx", "Sources:Queues:Files:1", "https://www.caiso.com/PublishedDocuments/PublicQueueReport.xlsx", "CAISO", FailureStage.Fetch,
            "queues: PublicQueueReport.xlsx: HTTP 404 Not Found: Not found");

        var (lines, _, counts, _) = await RunAsync(Settings(Lbnl(), new QueueFileOptions { Format = "caiso" }, Pjm()), [notDownloaded], lbnl, pjm);

        Assert.Equal(["ERCOT,7,true", "CAISO,1733,false", "PJM,AF1-123,true"], lines.Skip(1).Select(l => string.Join(',', l.Split(',')[0], l.Split(',')[1], l.Split(',')[^2])));
        Assert.Equal(["queues: PublicQueueReport.xlsx: HTTP 404 Not Found: Not found. CAISO's queue is missing from this run; the other queues are published."], counts.Notes);
        // The fetch reports its own failures: the normaliser adds only those of reading.
        Assert.Empty(counts.Failures);
    }

    [Fact]
    public async Task NormaliseAsync_GridstatusFileInAnotherLayout_FailsThatIsoAloneAndPublishesNoneOfItsRows()
    {
        var lbnl = Workbook(DataSheet(LbnlRow(id: "7")));
        var pjm = Text("pjm.csv", Gridstatus(GridstatusRow(id: "AF1-123")).Replace("Queue ID,", "Request,", StringComparison.Ordinal));

        var (lines, _, counts, _) = await RunAsync(Settings(Lbnl(), Pjm()), lbnl, pjm);

        Assert.Equal(["ERCOT,7,true"], lines.Skip(1).Select(l => string.Join(',', l.Split(',')[0], l.Split(',')[1], l.Split(',')[^2])));
        Assert.Equal((1L, 1L), (counts.RowsIn, counts.RowsOut));
        var failure = Assert.Single(counts.Failures);
        Assert.Equal(("pjm.csv", "PJM", FailureStage.Read), (failure.FileName, failure.Missing, failure.Stage));
        Assert.Contains("'Queue ID'", failure.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NormaliseAsync_EveryFileFailed_FailsTheSourceNamingEachCause()
    {
        var caiso = Workbook("PublicQueueReport.xlsx", new Sheet("Grid GenerationQueue", [["Project Name", "County"], ["Delta Breeze", "KERN"]]));
        var notDownloaded = new FileFailure("pjm.csv", "Sources:Queues:Files:1", "https://data.gridstatus.example/pjm.csv", "PJM", FailureStage.Fetch, "queues: pjm.csv: HTTP 500 Internal Server Error");

        var error = await Assert.ThrowsAsync<SourceException>(() => RunAsync(Settings(new QueueFileOptions { Format = "caiso" }, Pjm()), [notDownloaded], caiso));

        Assert.StartsWith("queues: no queue file could be read: queues: PublicQueueReport.xlsx: not in the CAISO queue layout", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; queues: pjm.csv: HTTP 500 Internal Server Error", error.Message, StringComparison.Ordinal);
    }
}
