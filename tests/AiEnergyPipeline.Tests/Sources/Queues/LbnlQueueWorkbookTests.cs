using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Tabular;
using AiEnergyPipeline.TestKit;
using static AiEnergyPipeline.Tests.Sources.Queues.QueueSamples;

namespace AiEnergyPipeline.Tests.Sources.Queues;

public class LbnlQueueWorkbookTests
{
    private static (List<QueueProject> Rows, List<QuarantineRecord> Quarantine) Read(FetchedFile file, string? sheet = null)
    {
        var quarantine = new List<QuarantineRecord>();
        var rows = LbnlQueueWorkbook.Read(file, sheet, quarantine.Add).ToList();
        return (rows, quarantine);
    }

    [Fact]
    public void Read_DataSheetAfterNotesAndSummarySheets_FindsItByItsHeaderBelowTitleRows()
    {
        var summary = new Sheet("02. Summary by Region", [["RETURN TO CONTENTS"], ["region", "q_status", "n_projects", "mw1"], ["ERCOT", "active", 2.0, 350.0]]);
        var file = Workbook(Introduction, summary, DataSheet(LbnlRow()));

        var (rows, quarantine) = Read(file);

        Assert.Empty(quarantine);
        var row = Assert.Single(rows);
        Assert.Equal(new QueueRowLocation(4, DataSheetName), row.Location);
        Assert.Equal(("ERCOT", "254", "Sunny Flats", "TX", "Pecos"), (row.Region, row.QueueId, row.ProjectName, row.State, row.County));
        Assert.Equal(("Solar", "solar_pv", 300.0, "active", "lbnl", "queued_up.xlsx"), (row.GenerationType, row.AccreditationClass, row.CapacityMw, row.Status, row.SourceFormat, row.SourceFile));
        Assert.Equal(new QueueDate(new DateOnly(2021, 3, 15), DatePrecision.Day), row.QueueDate);
        Assert.Equal(new QueueDate(new DateOnly(2027, 11, 1), DatePrecision.Month), row.ProposedCompletion);
    }

    [Fact]
    public void Read_SheetNamedInSettings_ReadsThatSheetOnly()
    {
        var file = Workbook(DataSheet(LbnlRow(id: "1")), DataSheet(LbnlRow(id: "2")) with { Name = "data" });

        var (rows, _) = Read(file, "data");

        Assert.Equal("2", Assert.Single(rows).QueueId);
    }

    [Fact]
    public void Read_RenamedReorderedAndUnknownColumns_AreTolerated()
    {
        // The 2025 edition writes mw_1 and type_1; other files say queue_id, county, status.
        object?[] header = ["developer", "mw_1", "type_clean", "queue_id", "county", "state", "region", "entity", "project_name", "prop_date", "q_date", "status", "poi_name", "mw_2", "type_1", "type_2"];
        object?[] row = ["Acme", 120.0, "Solar+Battery", "GI-7", "Pueblo", "CO", "West (non-ISO)", "PSCo", "Mesa", "2027", 45000.0, "active", "Comanche", 60.0, "Solar", "Battery"];
        var file = Workbook(new Sheet("data", [header, row]));

        var (rows, quarantine) = Read(file);

        Assert.Empty(quarantine);
        var p = Assert.Single(rows);
        Assert.Equal(("PSCo", "GI-7", "Pueblo", "West (non-ISO)"), (p.Region, p.QueueId, p.County, p.MarketRegion));
        Assert.Equal((120.0, 60.0, (double?)60.0, (double?)null), (p.CapacityMw, p.StorageMw!.Value, p.Component2Mw, p.Component3Mw));
        Assert.Equal(new QueueDate(new DateOnly(2027, 1, 1), DatePrecision.Year), p.ProposedCompletion);
    }

    [Fact]
    public void Read_NoSheetHasTheQueueColumns_FailsNamingTheMissingColumn()
    {
        object?[] header = ["q_id", "q_status", "q_date", "prop_date", "project_name", "entity", "region", "state", "county_1", "type_clean", "capacity"];
        var file = Workbook(Introduction, new Sheet("data", [header, ["1", "active", 45000.0, "2027", "x", "PJM", "PJM", "PA", "York", "Solar", 5.0]]));

        var error = Assert.Throws<SourceException>(() => Read(file));

        Assert.Equal("queues", error.SourceName);
        Assert.Equal("queued_up.xlsx", error.File);
        Assert.Contains("the closest, sheet 'data': required column missing: 'mw1'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HtmlPageSavedAsWorkbook_FailsSayingSo()
    {
        var file = Text("queued_up.xlsx", "<!DOCTYPE html>\n<html><body>Page not found</body></html>");

        var error = Assert.Throws<SourceException>(() => Read(file));

        Assert.Equal("queues: queued_up.xlsx: the file is an HTML page, not an .xlsx workbook (the server may have answered with an error page).", error.Message);
    }

    [Fact]
    public void Read_ZipThatIsNotAWorkbook_FailsWithTheCause()
    {
        var path = Path.Combine(Repository.NewTempFolder(), "queued_up.xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            zip.CreateEntry("readme.txt");
        }

        var error = Assert.Throws<SourceException>(() => Read(Local(path, "queued_up.xlsx")));

        Assert.StartsWith("queues: queued_up.xlsx: the workbook cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MessyValues_AreCleaned()
    {
        var file = Workbook(DataSheet(
            LbnlRow(id: "254.0", name: "Sunny Flats\nSolar + Storage", proposed: "04-2026"),
            LbnlRow(id: 1187.0, proposed: 47270.0, entity: "ISO-NE", region: "ISO-NE"),
            LbnlRow(id: "J1021", proposed: "2027-11-15", mw1: 0.0, entity: "NA", region: "CAISO"),
            LbnlRow(id: "Q9", proposed: "11/15/2027", mw1: "1,200", queueDate: "NA")));

        var (rows, quarantine) = Read(file);

        Assert.Empty(quarantine);
        Assert.Equal(["254", "1187", "J1021", "Q9"], rows.Select(r => r.QueueId));
        Assert.Equal("Sunny Flats Solar + Storage", rows[0].ProjectName);
        Assert.Equal(["2026-04-01", "2029-06-01", "2027-11-15", "2027-11-15"], rows.Select(r => r.ProposedCompletion!.Value.Iso));
        Assert.Equal([DatePrecision.Month, DatePrecision.Day, DatePrecision.Day, DatePrecision.Day], rows.Select(r => r.ProposedCompletion!.Value.Precision));
        Assert.Equal([300.0, 300.0, 0.0, 1200.0], rows.Select(r => r.CapacityMw));
        Assert.Equal(["ERCOT", "ISO-NE", "CAISO", "ERCOT"], rows.Select(r => r.Region));
        Assert.Null(rows[3].QueueDate);
    }

    [Fact]
    public void Read_BlankAndMalformedCells_AreQuarantinedWithSheetRowAndReason()
    {
        var file = Workbook(DataSheet(
            LbnlRow(id: Blank),
            LbnlRow(id: "2", mw1: "TBD"),
            LbnlRow(id: "3", mw1: Blank),
            LbnlRow(id: "4", proposed: "Q4 2027"),
            LbnlRow(id: "5", status: "confused"),
            LbnlRow(id: "6", mw2: -5.0),
            LbnlRow(id: "7", entity: "NA", region: Blank),
            LbnlRow(id: "8")));

        var (rows, quarantine) = Read(file);

        // A status no rule knows is kept, as unknown with the words: never a reason to quarantine.
        Assert.Equal([("5", "unknown", "confused"), ("8", "active", "active")], rows.Select(r => (r.QueueId, r.Status, r.StatusRaw)));
        Assert.Equal([4L, 5, 6, 7, 9, 10], quarantine.Select(q => q.Line));
        Assert.Equal(
        [
            "sheet '03. Complete Queue Data' row 4: 'q_id' is empty",
            "sheet '03. Complete Queue Data' row 5: 'mw1' value 'TBD' is not a number",
            "sheet '03. Complete Queue Data' row 6: 'mw1' is empty",
            "sheet '03. Complete Queue Data' row 7: 'prop_date' value 'Q4 2027' is not a date",
            "sheet '03. Complete Queue Data' row 9: 'mw2' value '-5' is negative",
            "sheet '03. Complete Queue Data' row 10: 'entity' and 'region' are empty",
        ],
            quarantine.Select(q => q.Reason));
        Assert.All(quarantine, q => Assert.Equal(("queues", "queued_up.xlsx", "raw/queues/queued_up.xlsx"), (q.Source, q.File, q.RawPath)));
        Assert.StartsWith("2,active,44270,11/2027,Sunny Flats,ERCOT", quarantine[1].Excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Hybrids_KeepFurtherComponentsAndSumStorageFromTypeClean()
    {
        var file = Workbook(DataSheet(
            LbnlRow(id: "1", type: "Solar+Battery", mw1: 300.0, mw2: 150.0),
            LbnlRow(id: "2", type: "Solar+Wind+Battery", mw1: 150.0, mw2: 100.0, mw3: 200.0),
            LbnlRow(id: "3", type: "Battery", mw1: 400.0),
            LbnlRow(id: "4", type: "Wind", mw1: 200.0),
            LbnlRow(id: "5", type: "Solar+Battery", mw1: 80.0, mw2: "NA"),
            LbnlRow(id: "6", type: "Hybrid", mw1: 10.0),
            LbnlRow(id: "7", type: "Hybrid", mw1: 10.0, mw2: 5.0)));

        var (rows, _) = Read(file);

        Assert.Equal([300.0, 150.0, 400.0, 200.0, 80.0, 10.0, 10.0], rows.Select(r => r.CapacityMw));
        Assert.Equal([150.0, 200.0, 400.0, 0.0, null, 0.0, 0.0], rows.Select(r => r.StorageMw));
        Assert.Equal([150.0, 100.0, null, null, null, null, 5.0], rows.Select(r => r.Component2Mw));
        Assert.Equal([null, 200.0, null, null, null, null, null], rows.Select(r => r.Component3Mw));
        Assert.Equal(["solar_pv", "solar_pv", "battery_storage", "onshore_wind", "solar_pv", "unknown", "unknown"], rows.Select(r => r.AccreditationClass));
        Assert.Equal(["battery_storage", "onshore_wind", "", "", "", "", "unknown"], rows.Select(r => r.Component2Class));
        Assert.Equal(["", "battery_storage", "", "", "", "", ""], rows.Select(r => r.Component3Class));
    }

    [Fact]
    public void Read_TypeColumnsOrderedUnlikeTypeClean_ClassesEachCapacityByItsOwnTypeColumn()
    {
        // type_clean names the technologies in another order than mw1..mw3 hold them: the type1..type3
        // columns, which pair with mw1..mw3, decide each capacity's class.
        object?[] header = ["q_id", "q_status", "q_date", "prop_date", "project_name", "entity", "region", "state", "county_1", "type_clean", "mw1", "mw2", "mw3", "type1", "type2", "type3"];
        object?[] row = ["9", "active", 45000.0, "2028", "Mesa", "PSCo", "West (non-ISO)", "CO", "Pueblo", "Battery+Solar+Wind", 200.0, 50.0, 80.0, "Solar", "Battery", "Wind"];

        var (rows, quarantine) = Read(Workbook(new Sheet("data", [header, row])));

        Assert.Empty(quarantine);
        var p = Assert.Single(rows);
        Assert.Equal(("solar_pv", "battery_storage", "onshore_wind"), (p.AccreditationClass, p.Component2Class, p.Component3Class));
        Assert.Equal(50.0, p.StorageMw);
    }

    [Fact]
    public void Read_BundledSnapshot_ReadsDateCellsSerialsAndEveryRow()
    {
        var path = Path.Combine(Snapshot.DefaultRoot, "queues", "lbnl", "LBNL_Ix_Queue_Data_File_thru2025.xlsx");

        var (rows, quarantine) = Read(Local(path, "LBNL_Ix_Queue_Data_File_thru2025.xlsx"));

        Assert.Empty(quarantine);
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal("03. Complete Queue Data", r.Location.Sheet));
        var miso = rows.Single(r => r.QueueId == "1187");
        Assert.Equal(new QueueDate(new DateOnly(2028, 6, 1), DatePrecision.Day), miso.ProposedCompletion);
        Assert.Equal("2022-09-01", miso.QueueDate!.Value.Iso);
        Assert.Contains(rows, r => r.QueueId == "254" && r.ProjectName == "Sunny Flats Solar + Storage");
        Assert.Contains(rows, r => r.CapacityMw == 0);
    }
}
