using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.TestKit;
using static AiEnergyPipeline.Tests.Sources.Queues.Iso.IsoSamples;

namespace AiEnergyPipeline.Tests.Sources.Queues.Iso;

public class NyisoQueueLayoutTests
{
    private static readonly object?[] Header =
        ["Queue Pos.", "Owner/Developer", "Project Name", "Date of IR", "SP (MW)", "WP (MW)", "Type/ Fuel", "County", "State", "Z", "Utility", "S", "Last Update", "Proposed In-Service Date", "Proposed COD"];

    private static object?[] Row(string position, object? status, string type = "S", object? summer = null, object? cod = null) =>
        [position, "Hudson Sun LLC", "Catskill Solar", Serial(2020, 8, 3), summer ?? 100.0, 110.0, type, "Greene", "NY", "G", "Central Hudson", status, Serial(2026, 9, 30), "2026/12", cod ?? "2027/06"];

    [Fact]
    public void Read_StatusCodesAndSheets_GiveTheFateWithTheLegendWords()
    {
        object?[] top = ["Queue", null, null, "Date", "SP", "WP", "Type/", "Location", null, "Z", "Interconnection", null, "Proposed"];
        object?[] bottom = ["Pos.", "Owner/Developer", "Project Name", "of IR", "(MW)", "(MW)", "Fuel", "County", "State", null, "Utility", "S", "COD"];

        var (projects, quarantine) = Read(QueueFileFormat.Nyiso, "NYISO-Interconnection-Queue.xlsx",
            new Sheet("Interconnection Queue", [Header, Row("1021", 11.0), Row("1098", 14.0, "ES"), Row("1177", "Under review")]),
            new Sheet("Cluster Projects", [Header, Row("C24-014", null)]),
            new Sheet("Withdrawn", [Header, Row("0845", 5.0, "CC")]),
            new Sheet("In Service", [top, bottom, ["0612", "Adirondack Hydro", "Saranac Hydro", Serial(2016, 1, 4), 12.0, 12.0, "H", "Clinton", "NY", "D", "NYSEG", 14.0, Serial(2019, 6, 1)]]));

        Assert.Empty(quarantine);
        Assert.Equal(
            [("1021", "active", "11 IA Completed"), ("1098", "operational", "14 In Service Commercial"), ("1177", "unknown", "Under review"),
             ("C24-014", "active", "Cluster Projects"), ("0845", "withdrawn", "5 SRIS/SIS in Progress (Withdrawn)"), ("0612", "operational", "14 In Service Commercial (In Service)")],
            projects.Select(p => (p.QueueId, p.Status, p.StatusRaw)));
        Assert.Equal(("Energy Storage", "battery_storage"), (Single(projects, "1098").GenerationType, Single(projects, "1098").AccreditationClass));
        Assert.Equal(("hydro", 12.0, "2019-06-01"), (Single(projects, "0612").AccreditationClass, Single(projects, "0612").CapacityMw, Single(projects, "0612").ProposedCompletion?.Iso));
    }

    [Fact]
    public void Read_MonthYearAndBlankSummerCapacity_ReadsMonthAndWinterCapacity()
    {
        var (projects, _) = Read(QueueFileFormat.Nyiso, "q.xlsx", new Sheet("Interconnection Queue", [Header, Row("1021", 11.0, summer: "", cod: "2027/06")]));

        var project = Assert.Single(projects);
        Assert.Equal((110.0, "2027-06-01", DatePrecision.Month, "2020-08-03"), (project.CapacityMw, project.ProposedCompletion?.Iso, project.ProposedCompletion!.Value.Precision, project.QueueDate?.Iso));
    }

    [Fact]
    public void Read_WrongLayout_FailsNamingTheFileAndTheMissingColumns()
    {
        var error = Assert.Throws<SourceException>(() => Read(QueueFileFormat.Nyiso, "q.xlsx",
            new Sheet("Interconnection Queue", [["Queue Pos.", "Project Name", "County", "State", "Type/ Fuel"], ["1021", "Catskill Solar", "Greene", "NY", "S"]])));

        Assert.Equal("queues: q.xlsx: not in the NYISO queue layout: no sheet has its columns; the closest, sheet 'Interconnection Queue': required columns missing: 'SP (MW)', 'Date of IR'.", error.Message);
    }
}
