using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Queues;
using static AiEnergyPipeline.Tests.Sources.Queues.QueueSamples;

namespace AiEnergyPipeline.Tests.Sources.Queues;

public class GridstatusQueueCsvTests
{
    private static readonly FetchedFile File = TestFiles.Fetched(Source, "pjm.csv") with { RawPath = "raw/queues/pjm.csv" };

    private static (List<QueueProject> Rows, List<QuarantineRecord> Quarantine) Read(string csv, string region = "PJM")
    {
        var quarantine = new List<QuarantineRecord>();
        var rows = GridstatusQueueCsv.Read(TestFiles.Utf8(csv), File, region, quarantine.Add).ToList();
        return (rows, quarantine);
    }

    [Fact]
    public void Read_GridstatusColumns_ReadsEveryFieldWithTheConfiguredRegion()
    {
        var (rows, quarantine) = Read(Gridstatus(GridstatusRow()), region: "pjm");

        Assert.Empty(quarantine);
        var p = Assert.Single(rows);
        Assert.Equal(("PJM", "AF1-123", "Keystone Solar", "PA", "Cumberland"), (p.Region, p.QueueId, p.ProjectName, p.State, p.County));
        Assert.Equal(("Solar", "solar_pv", 120.0, (double?)0.0, "active"), (p.GenerationType, p.AccreditationClass, p.CapacityMw, p.StorageMw, p.Status));
        Assert.Equal(("PJM", "gridstatus", "pjm.csv", new QueueRowLocation(2)), (p.MarketRegion, p.SourceFormat, p.SourceFile, p.Location));
        Assert.Equal(new QueueDate(new DateOnly(2019, 10, 31), DatePrecision.Day), p.QueueDate);
        Assert.Equal(new QueueDate(new DateOnly(2026, 4, 1), DatePrecision.Month), p.ProposedCompletion);
        Assert.Null(p.Component2Mw);
    }

    [Fact]
    public void Read_QuotedLineBreaksInNamesAndComments_FoldToSpacesAndLinesCountFromTheRecordStart()
    {
        var csv = Gridstatus(
            GridstatusRow(id: "AF1-1", name: "Keystone Solar\nPhase 2", comment: "Withdrawn by the customer:\r\nsite control\nlost"),
            GridstatusRow(id: "AF1-2", capacity: "bad"),
            GridstatusRow(id: "AF1-3"));

        var (rows, quarantine) = Read(csv);

        Assert.Equal(["AF1-1", "AF1-3"], rows.Select(r => r.QueueId));
        Assert.Equal("Keystone Solar Phase 2", rows[0].ProjectName);
        Assert.Equal([2L, 7L], rows.Select(r => r.Location.Line));
        Assert.Equal(6, Assert.Single(quarantine).Line);
    }

    [Fact]
    public void Read_MessyValues_AreCleaned()
    {
        var (rows, quarantine) = Read(Gridstatus(
            GridstatusRow(id: "254.0", proposed: "11/2027", capacity: "1,200.0", status: "Completed"),
            GridstatusRow(id: "AG1-2", proposed: "2027-11-15 00:00:00", capacity: "0.0", status: "Withdrawn"),
            GridstatusRow(id: "AG1-3", proposed: "11/15/2027", capacity: "", summer: "550.0", winter: "600.0"),
            GridstatusRow(id: "AG1-4", proposed: "", capacity: "", summer: "", winter: "45"),
            GridstatusRow(id: "AG1-5", proposed: "2028", queueDate: "04-2020")));

        Assert.Empty(quarantine);
        Assert.Equal(["254", "AG1-2", "AG1-3", "AG1-4", "AG1-5"], rows.Select(r => r.QueueId));
        Assert.Equal([1200.0, 0.0, 550.0, 45.0, 120.0], rows.Select(r => r.CapacityMw));
        Assert.Equal(["operational", "withdrawn", "active", "active", "active"], rows.Select(r => r.Status));
        Assert.Equal(["2027-11-01", "2027-11-15", "2027-11-15", null, "2028-01-01"], rows.Select(r => r.ProposedCompletion?.Iso));
        Assert.Equal(["month", "day", "day", null, "year"], rows.Select(r => r.ProposedCompletion?.PrecisionName));
        Assert.Equal("2020-04-01", rows[4].QueueDate!.Value.Iso);
    }

    [Fact]
    public void Read_StorageTypes_GiveStorageOnlyWhereTheSplitIsKnown()
    {
        var (rows, _) = Read(Gridstatus(
            GridstatusRow(id: "1", type: "Storage", capacity: "50"),
            GridstatusRow(id: "2", type: "Solar; Storage", capacity: "120"),
            GridstatusRow(id: "3", type: "Natural Gas", capacity: "550"),
            GridstatusRow(id: "4", type: "", capacity: "10")));

        Assert.Equal([50.0, null, 0.0, 0.0], rows.Select(r => r.StorageMw));
        Assert.Equal(["battery_storage", "solar_pv", "gas_combustion_turbine", "unknown"], rows.Select(r => r.AccreditationClass));
    }

    [Fact]
    public void Read_RenamedReorderedAndUnknownColumns_AreTolerated()
    {
        const string csv = "status,Extra Column,capacity_mw,queue_id,Project Name,generation_type,County,State,Queue Date,Proposed Completion Date\n" +
                           "Active,x,75,AB-9,Windy Hill,Wind,Lake,OH,2022-01-31,2026\n";

        var (rows, quarantine) = Read(csv);

        Assert.Empty(quarantine);
        var p = Assert.Single(rows);
        Assert.Equal(("AB-9", "Windy Hill", 75.0, "onshore_wind", "2026-01-01"), (p.QueueId, p.ProjectName, p.CapacityMw, p.AccreditationClass, p.ProposedCompletion!.Value.Iso));
    }

    [Fact]
    public void Read_BlankAndMalformedCells_AreQuarantinedWithLineAndReason()
    {
        var (rows, quarantine) = Read(Gridstatus(
            GridstatusRow(id: ""),
            GridstatusRow(id: "A2", capacity: "TBD"),
            GridstatusRow(id: "A3", capacity: "", summer: "", winter: ""),
            GridstatusRow(id: "A4", queueDate: "someday"),
            GridstatusRow(id: "A5", status: ""),
            GridstatusRow(id: "A6", capacity: "-10"),
            GridstatusRow(id: "A7")));

        Assert.Equal("A7", Assert.Single(rows).QueueId);
        Assert.Equal([2L, 3, 4, 5, 6, 7], quarantine.Select(q => q.Line));
        Assert.Equal(
        [
            "'Queue ID' is empty",
            "'Capacity (MW)' value 'TBD' is not a number",
            "'Capacity (MW)' is empty",
            "'Queue Date' value 'someday' is not a date",
            "'Status' is empty",
            "'Capacity (MW)' value '-10' is negative",
        ],
            quarantine.Select(q => q.Reason));
        Assert.All(quarantine, q => Assert.Equal(("queues", "pjm.csv", "raw/queues/pjm.csv"), (q.Source, q.File, q.RawPath)));
        Assert.StartsWith("A2,Keystone Solar,Keystone Solar LLC,Cumberland,PA", quarantine[1].Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RequiredColumnMissing_FailsNamingIt()
    {
        var csv = Gridstatus(GridstatusRow()).Replace("Capacity (MW),Summer", "Size,Summer", StringComparison.Ordinal);

        var error = Assert.Throws<SourceException>(() => Read(csv));

        Assert.Equal("queues: pjm.csv: required column missing: 'Capacity (MW)'.", error.Message);
    }

    [Theory]
    [InlineData("<html><body>Not found</body></html>", "the server answered with an HTML page")]
    [InlineData("\n  ", "the file is empty.")]
    public void Read_NotACsv_FailsSayingWhy(string content, string cause)
    {
        var error = Assert.Throws<SourceException>(() => Read(content));

        Assert.StartsWith($"queues: pjm.csv: {cause}", error.Message, StringComparison.Ordinal);
    }
}
