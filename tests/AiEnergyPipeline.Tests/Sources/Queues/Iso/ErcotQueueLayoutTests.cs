using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.TestKit;
using static AiEnergyPipeline.Tests.Sources.Queues.Iso.IsoSamples;

namespace AiEnergyPipeline.Tests.Sources.Queues.Iso;

public class ErcotQueueLayoutTests
{
    private static readonly object?[] Header =
        ["INR", "Project Name", "GIM Study Phase", "County", "Projected COD", "Fuel", "Technology", "Capacity (MW)", "Screening Study Started", "IA Signed", "Approved for Energization", "Approved for Synchronization"];

    private static readonly object?[][] Title = [["Project Details - Large Generation"], ["Report date: October 2026"]];

    private static object?[] Row(string inr, string fuel = "SOL", string technology = "PV", object? ia = null, object? energised = null, object? synchronised = null) =>
        [inr, "Pecos Flats Solar", "FIS Completed", "Reeves", Serial(2027, 3, 31), fuel, technology, 250.0, Serial(2023, 9, 12), ia, energised, synchronised];

    [Fact]
    public void Read_NoStatusColumn_FateFromMilestonesAndSheets()
    {
        var (projects, quarantine) = Read(QueueFileFormat.Ercot, "GIS_Report.xlsx",
            new Sheet("Disclaimer", [["This report is provided for information."]]),
            new Sheet("Project Details - Large Gen", [.. Title, Header, Row("24INR0101", ia: Serial(2025, 2, 3)), Row("23INR0222", "OTH", "BA", Serial(2023, 12, 4), Serial(2026, 5, 2), Serial(2026, 6, 18)), Row("25INR0307", "GAS", "GT")]),
            new Sheet("Inactive Projects", [.. Title, Header, Row("21INR0404")]),
            new Sheet("Cancellation Update", [.. Title, Header, Row("20INR0033", "WIN", "WT")]));

        Assert.Empty(quarantine);
        Assert.Equal(
            [("24INR0101", "active", "FIS Completed; IA signed"), ("23INR0222", "operational", "FIS Completed; IA signed; approved for energization; approved for synchronization"),
             ("25INR0307", "active", "FIS Completed"), ("21INR0404", "suspended", "Inactive Projects; FIS Completed"), ("20INR0033", "withdrawn", "Cancellation Update; FIS Completed")],
            projects.Select(p => (p.QueueId, p.Status, p.StatusRaw)));
        Assert.Equal(("Battery Energy Storage", "battery_storage", "TX"), (Single(projects, "23INR0222").GenerationType, Single(projects, "23INR0222").AccreditationClass, Single(projects, "23INR0222").State));
        Assert.Equal(("Gas - Combustion Turbine", "gas_combustion_turbine", "2023-09-12"), (Single(projects, "25INR0307").GenerationType, Single(projects, "25INR0307").AccreditationClass, Single(projects, "25INR0307").QueueDate?.Iso));
    }

    [Fact]
    public void Read_FinancialSecurityColumn_StatusRawSaysWhetherSecurityIsPostedStatusStaysActive()
    {
        object?[] header = ["INR", "Project Name", "GIM Study Phase", "County", "Projected COD", "Fuel", "Technology", "Capacity (MW)", "IA Signed", "Financial Security", "Approved for Synchronization"];
        object?[] Project(string inr, object? ia, object? security, object? synchronised = null) =>
            [inr, "Pecos Flats Solar", "FIS Completed", "Reeves", Serial(2027, 3, 31), "SOL", "PV", 250.0, ia, security, synchronised];

        var (projects, quarantine) = Read(QueueFileFormat.Ercot, "GIS_Report.xlsx", new Sheet("Project Details - Large Gen",
        [
            .. Title, header,
            Project("24INR0001", Serial(2025, 2, 3), "Y"),
            Project("24INR0002", Serial(2025, 2, 3), "N"),
            Project("24INR0003", Serial(2025, 2, 3), Serial(2025, 4, 1)),
            Project("24INR0004", Serial(2025, 2, 3), null),
            Project("24INR0005", null, null),
            Project("24INR0006", Serial(2024, 1, 9), "Yes", Serial(2026, 6, 18)),
        ]));

        Assert.Empty(quarantine);
        Assert.Equal(
            [("24INR0001", "active", "FIS Completed; IA signed; financial security posted"), ("24INR0002", "active", "FIS Completed; IA signed; no financial security"),
             ("24INR0003", "active", "FIS Completed; IA signed; financial security posted"), ("24INR0004", "active", "FIS Completed; IA signed; no financial security"),
             ("24INR0005", "active", "FIS Completed"), ("24INR0006", "operational", "FIS Completed; IA signed; financial security posted; approved for synchronization")],
            projects.Select(p => (p.QueueId, p.Status, p.StatusRaw)));
    }

    [Fact]
    public void Read_RenamedCodColumnAndTextDate_ReadsIt()
    {
        object?[] header = ["INR", "Project Name", "County", "Projected Commercial Operation Date", "Fuel", "Technology", "Capacity (MW)"];
        var (projects, _) = Read(QueueFileFormat.Ercot, "GIS_Report.xlsx", new Sheet("Project Details - Large Gen", [.. Title, header, ["24INR0101", "Pecos Flats Solar", "Reeves", "06/30/2029", "WIN", "WT", 99.0]]));

        Assert.Equal(("2029-06-30", "onshore_wind"), (Assert.Single(projects).ProposedCompletion?.Iso, projects[0].AccreditationClass));
    }

    [Fact]
    public void Read_WrongLayout_FailsNamingTheFileAndTheMissingColumns()
    {
        var error = Assert.Throws<SourceException>(() => Read(QueueFileFormat.Ercot, "GIS_Report.xlsx",
            new Sheet("Project Details - Large Gen", [.. Title, ["INR", "Project Name", "County", "Fuel"], ["24INR0101", "Pecos Flats Solar", "Reeves", "SOL"]])));

        Assert.Equal("queues: GIS_Report.xlsx: not in the ERCOT queue layout: no sheet has its columns; the closest, sheet 'Project Details - Large Gen': required columns missing: 'Capacity (MW)', 'Projected COD'.", error.Message);
    }
}
