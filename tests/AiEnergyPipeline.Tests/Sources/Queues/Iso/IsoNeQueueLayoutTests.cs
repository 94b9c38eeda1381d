using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.TestKit;
using static AiEnergyPipeline.Tests.Sources.Queues.Iso.IsoSamples;

namespace AiEnergyPipeline.Tests.Sources.Queues.Iso;

public class IsoNeQueueLayoutTests
{
    private static readonly object?[][] Banner = [["Interconnection Requests for New England"], ["As of: 10/01/2026"], ["Status: All"]];

    private static readonly object?[] Header =
        ["Position", "Type", "Requested", "Alternative Name", "Unit", "Fuel Type", "Net MW", "County", "State", "Project Status", "W/ D Date", "Op Date"];

    private static object?[] Row(string position, string name, string? status, string type = "G", object? withdrawn = null, string fuel = "WND", string unit = "WT") =>
        [position, type, Serial(2015, 11, 2), name, unit, fuel, 400.0, "Barnstable", "MA", status, withdrawn, "3/1/2027"];

    [Fact]
    public void Read_PhasesSharingAPosition_AreTwoProjectsKeyedByPhase()
    {
        var (projects, quarantine) = Read(QueueFileFormat.Isone, "queue.xlsx", new Sheet("Queue",
            [.. Banner, Header, Row("533", "Nor'easter Wind Phase I", "Under Construction"), Row("533", "Nor'easter Wind Phase II", "Under Study")]));

        Assert.Empty(quarantine);
        Assert.Equal([("533", "533 Phase I", "active"), ("533", "533 Phase II", "active")], projects.Select(p => (p.QueueId, p.ProjectKey, p.Status)));
        Assert.Equal(("Wind - Wind Turbine", "onshore_wind", "2015-11-02", "2027-03-01"), (projects[0].GenerationType, projects[0].AccreditationClass, projects[0].QueueDate?.Iso, projects[0].ProposedCompletion?.Iso));
    }

    [Fact]
    public void Read_StatusesTransmissionRowsAndBlankStatusWithdrawn_EveryGeneratorKept()
    {
        var (projects, _) = Read(QueueFileFormat.Isone, "queue.xlsx", new Sheet("Queue",
        [
            .. Banner, Header,
            Row("702", "Aroostook Wind", "Partially in Service"),
            Row("614", "Granite State Solar", "In Service", fuel: "SUN", unit: "PV"),
            Row("1187", "Merrimack Storage", "Suspended", fuel: "BAT", unit: "BAT"),
            Row("845", "Nutmeg Peaker", null, withdrawn: Serial(2022, 6, 30), fuel: "NG", unit: "CT"),
            Row("910", "Clean Path Transmission", "Under Study", type: "T"),
        ]));

        Assert.Equal(
            [("702", "active", "Partially in Service"), ("614", "operational", "In Service"), ("1187", "suspended", "Suspended"), ("845", "withdrawn", "W/D Date given")],
            projects.Select(p => (p.QueueId, p.Status, p.StatusRaw)));
        Assert.Equal(("2022-06-30", "gas_combustion_turbine"), (projects[3].WithdrawnDate?.Iso, projects[3].AccreditationClass));
        Assert.Equal(("Battery", "battery_storage"), (projects[2].GenerationType, projects[2].AccreditationClass));
    }

    [Fact]
    public void Read_WrongLayout_FailsNamingTheFileAndTheMissingColumns()
    {
        var error = Assert.Throws<SourceException>(() => Read(QueueFileFormat.Isone, "queue.xlsx", new Sheet("Queue", [.. Banner, ["Position", "Alternative Name", "County", "State"], ["533", "Nor'easter", "Barnstable", "MA"]])));

        Assert.Equal("queues: queue.xlsx: not in the ISO-NE queue layout: no sheet has its columns; the closest, sheet 'Queue': required columns missing: 'Fuel Type', 'Net MW', 'Requested'.", error.Message);
    }

    [Fact]
    public void Read_PageStatusLetters_LetterDecidesTheFateAndStatusRawKeepsBoth()
    {
        var (projects, quarantine) = IsoNePages.Read(IsoNePages.Page(IsoNePages.Header,
        [
            IsoNePages.Row("702", "Aroostook Wind", "Partially in Service", "A"),
            IsoNePages.Row("1187", "Merrimack Storage", "Suspended", "A", fuel: "BAT", unit: "BAT"),
            IsoNePages.Row("614", "Granite State Solar", "In Service", "C", fuel: "SUN", unit: "PV"),
            IsoNePages.Row("845", "Nutmeg Peaker", "", "W", withdrawn: "6/30/2022", fuel: "NG", unit: "CT"),
            IsoNePages.Row("1301", "Casco Bay Wind", "Under Study", "X"),
            IsoNePages.Row("1302", "Kennebec Solar", "", "Z", fuel: "SUN", unit: "PV"),
            IsoNePages.Row("1303", "Penobscot Hydro", "In Service", "Commercial", fuel: "WAT", unit: "HY"),
        ]));

        Assert.Empty(quarantine);
        Assert.Equal(
            [("702", "active", "Partially in Service (A)"), ("1187", "suspended", "Suspended (A)"), ("614", "operational", "In Service (C)"),
             ("845", "withdrawn", "W"), ("1301", "active", "Under Study (X)"), ("1302", "unknown", "Z"), ("1303", "operational", "In Service (Commercial)")],
            projects.Select(p => (p.QueueId, p.Status, p.StatusRaw)));
        Assert.Equal(("2022-06-30", "2015-11-02", "2027-03-01"), (projects[3].WithdrawnDate?.Iso, projects[3].QueueDate?.Iso, projects[3].ProposedCompletion?.Iso));
        Assert.Equal(("Solar - Photovoltaic", 400.0), (Single(projects, "614").GenerationType, Single(projects, "614").CapacityMw));
    }

    [Fact]
    public void Read_PageWithTransmissionRequests_OnlyGeneratorRequestsAreProjects()
    {
        var (projects, quarantine) = IsoNePages.Read(IsoNePages.Page(IsoNePages.Header,
        [
            IsoNePages.Row("533", "Nor'easter Wind Phase I", "Under Construction", "A"),
            IsoNePages.Row("910", "Clean Path Transmission", "Under Study", "A", type: "TS", fuel: "", unit: "", netMw: "1,200"),
            IsoNePages.Row("1050", "Coastal HVDC Tie", "Under Study", "A", type: "ETU", fuel: "", unit: "", netMw: "1,000"),
        ]));

        Assert.Empty(quarantine);
        Assert.Equal(["533"], projects.Select(p => p.QueueId));
    }

    [Fact]
    public void Read_PagePhasesSharingAQp_AreTwoProjectsKeyedByPhaseAtTheirPageLines()
    {
        var (projects, quarantine) = IsoNePages.Read(IsoNePages.Page(IsoNePages.Header,
            [IsoNePages.Row("533", "Nor'easter Wind Phase I", "Under Construction", "A"), IsoNePages.Row("533", "Nor'easter Wind Phase II", "Under Study", "A")]));

        Assert.Empty(quarantine);
        Assert.Equal([("533 Phase I", "active"), ("533 Phase II", "active")], projects.Select(p => (p.ProjectKey, p.Status)));
        var line = IsoNePages.FirstDataLine(0);
        Assert.Equal([new QueueRowLocation(line, "publicqueue"), new QueueRowLocation(line + 1, "publicqueue")], projects.Select(p => p.Location));
        Assert.Equal(("Wind - Wind Turbine", "onshore_wind", 400.0), (projects[0].GenerationType, projects[0].AccreditationClass, projects[0].CapacityMw));
    }

    [Fact]
    public void Read_PageHeaderDrift_RenamedReorderedColumnsBelowTitleRowsAreRead()
    {
        // Title rows in the thead, the columns in another order, "Position" and "State" for QP and ST, an unknown column, SIS twice.
        string[] header = ["Status", "Project Status", "Position", "Alternative Name", "New Column", "Net MW", "Fuel Type", "Unit", "SIS", "Requested", "County", "State", "SIS", "Op Date", "W/D Date", "Type"];
        var (projects, quarantine) = IsoNePages.Read(IsoNePages.Page(header,
        [
            ["A", "Under Study", "1400", "Pioneer Valley Solar", "x", "1,250.5", "SUN", "PV", "1/5/2021", "1/5/2021", "Hampshire", "MA", "img:In Progress", "12/1/2029", "", "G"],
            ["W", "", "1401", "Berkshire Wind", "y", "60", "WND", "WT", "", "2/1/2021", "Berkshire", "MA", "img:Not Started", "", "3/15/2023", "G"],
        ], titleRows: ["Interconnection Request Queue", "As of 10/01/2026"]));

        Assert.Empty(quarantine);
        Assert.Equal(
            [("1400", "Pioneer Valley Solar", "MA", "Hampshire", 1250.5, "2021-01-05", "2029-12-01", "active"), ("1401", "Berkshire Wind", "MA", "Berkshire", 60.0, "2021-02-01", null, "withdrawn")],
            projects.Select(p => (p.QueueId, p.ProjectName, p.State, p.County, p.CapacityMw, p.QueueDate?.Iso, p.ProposedCompletion?.Iso, p.Status)));
        Assert.Equal("2023-03-15", projects[1].WithdrawnDate?.Iso);
        Assert.Equal(IsoNePages.FirstDataLine(2), projects[0].Location.Line);
    }

    [Fact]
    public void Read_PageWithoutAnyTable_FailsNamingTheFileAndEveryRequiredColumn()
    {
        var error = Assert.Throws<SourceException>(() => IsoNePages.Read("<!DOCTYPE html>\n<html><body><p>Object moved to <a href=\"/reports/external\">here</a>.</p></body></html>\n"));

        Assert.Equal(
            "queues: isone_external.html: not in the ISO-NE queue layout: no sheet has its columns; the file has no sheet or table: required columns missing: 'QP', 'Alternative Name', 'ST', 'County', 'Fuel Type', 'Net MW', 'Requested'.",
            error.Message);
    }

    [Fact]
    public void Read_PageWhoseQueueTableLacksColumns_FailsNamingTheFileAndTheMissingColumns()
    {
        string[] header = ["QP", "Alternative Name", "County", "ST", "Project Status", "Status"];
        var error = Assert.Throws<SourceException>(() => IsoNePages.Read(IsoNePages.Page(header, [["533", "Nor'easter", "Barnstable", "MA", "Under Study", "A"]])));

        Assert.Equal(
            "queues: isone_external.html: not in the ISO-NE queue layout: no sheet has its columns; the closest, sheet 'publicqueue': required columns missing: 'Fuel Type', 'Net MW', 'Requested'.",
            error.Message);
    }

    [Fact]
    public void Read_ExportWorkbookAsAnIsoNeEntryReadsIt_IsReadAsAWorkbook()
    {
        var file = QueueSamples.Workbook("isone_exportpublicqueue.xlsx", new Sheet("Queue",
            [.. Banner, Header, Row("533", "Nor'easter Wind Phase I", "Under Construction"), Row("845", "Nutmeg Peaker", null, withdrawn: Serial(2022, 6, 30), fuel: "NG", unit: "CT")]));

        var (projects, quarantine) = IsoNePages.Read(file);

        Assert.Empty(quarantine);
        Assert.Equal([("533 Phase I", "active", "Under Construction"), ("845", "withdrawn", "W/D Date given")], projects.Select(p => (p.ProjectKey, p.Status, p.StatusRaw)));
    }
}
