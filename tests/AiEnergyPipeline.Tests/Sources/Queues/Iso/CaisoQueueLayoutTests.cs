using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.TestKit;
using static AiEnergyPipeline.Tests.Sources.Queues.Iso.IsoSamples;

namespace AiEnergyPipeline.Tests.Sources.Queues.Iso;

public class CaisoQueueLayoutTests
{
    private static readonly object?[][] Title = [["CALIFORNIA ISO"], ["Interconnection Queue Report"], ["As of 10/01/2026"]];

    private static readonly object?[] ActiveHeader =
        ["Project Name", "Queue Position", "Interconnection Request\nReceive Date", "Queue Date", "Application Status", "Type-1", "Type-2", "Fuel-1", "Fuel-2",
         "MW-1", "MW-2", "Net MWs to Grid", "County", "State", "Current\nOn-line Date", "Proposed\nOn-line Date\n(as filed with IR)"];

    private static Sheet Active(params object?[][] rows) =>
        new("Grid GenerationQueue", [.. Title, ActiveHeader, .. rows, [], ["Legend:"], ["FC = Full Capacity; EO = Energy Only"]]);

    private static object?[] ActiveRow(string name, string position, object? current = null) =>
        [name, position, Serial(2021, 4, 12), Serial(2021, 4, 15), "ACTIVE", "Photovoltaic", "Storage", "Solar", "Battery", 200.0, 100.0, 200.0, "KERN", "CA", current, Serial(2025, 12, 31)];

    [Fact]
    public void Read_ThreeSheetsWithTitlesAndLegends_ReadsEveryFateAndSkipsTheLegend()
    {
        object?[] withdrawnHeader = ["Project Name - Confidential", "Queue Position", "Queue Date", "Application Status", "Fuel-1", "Net MWs to Grid", "County", "State", "Withdrawn Date"];
        object?[] completedHeader = ["Project Name", "Queue Position", "Queue Date", "Application Status", "Fuel-1", "Net MWs to Grid", "County", "State", "Actual\nOn-line Date"];

        var (projects, quarantine) = Read(QueueFileFormat.Caiso, "PublicQueueReport.xlsx",
            Active(ActiveRow("Delta Breeze", "1733", current: "2028-06-01")),
            new Sheet("Completed Generation Projects", [.. Title, completedHeader, ["Coso Geothermal", "0874", Serial(2014, 4, 1), "COMPLETED", "Geothermal", 40.0, "INYO", "CA", Serial(2019, 3, 15)], ["Legend: see the first sheet"]]),
            new Sheet("Withdrawn Generation Projects", [.. Title, withdrawnHeader, ["Imperial Sun", "1310", Serial(2018, 4, 13), "WITHDRAWN", "Solar", 250.0, "IMPERIAL", "CA", "09/01/2020"]]));

        Assert.Empty(quarantine);
        Assert.Equal([("1733", "active"), ("0874", "operational"), ("1310", "withdrawn")], projects.Select(p => (p.QueueId, p.Status)));
        var delta = Single(projects, "1733");
        Assert.Equal(("Solar + Battery", "solar_pv", 200.0, "2021-04-15", "2028-06-01"), (delta.GenerationType, delta.AccreditationClass, delta.CapacityMw, delta.QueueDate?.Iso, delta.ProposedCompletion?.Iso));
        Assert.Equal(("geothermal", "2019-03-15"), (Single(projects, "0874").AccreditationClass, Single(projects, "0874").ActualCompletion?.Iso));
        Assert.Equal(("2020-09-01", "WITHDRAWN (Withdrawn Generation Projects)"), (Single(projects, "1310").WithdrawnDate?.Iso, Single(projects, "1310").StatusRaw));
    }

    [Fact]
    public void Read_PhasesSharingAPosition_AreTwoProjects()
    {
        var (projects, _) = Read(QueueFileFormat.Caiso, "PublicQueueReport.xlsx", Active(ActiveRow("Mesa Ridge Phase I", "1502"), ActiveRow("Mesa Ridge Phase II", "1502")));

        Assert.Equal(["1502 Phase I", "1502 Phase II"], projects.Select(p => p.ProjectKey));
    }

    [Fact]
    public void Read_NoCurrentDate_FallsBackToTheDateFiledWithTheRequest()
    {
        var (projects, _) = Read(QueueFileFormat.Caiso, "PublicQueueReport.xlsx", Active(ActiveRow("Delta Breeze", "1733")));

        Assert.Equal("2025-12-31", Assert.Single(projects).ProposedCompletion?.Iso);
    }

    [Fact]
    public void Read_WrongLayout_FailsNamingTheFileAndTheMissingColumns()
    {
        var error = Assert.Throws<SourceException>(() => Read(QueueFileFormat.Caiso, "PublicQueueReport.xlsx",
            new Sheet("Grid GenerationQueue", [.. Title, ["Project Name", "Queue Position", "Queue Date", "County", "State"], ["Delta Breeze", "1733", Serial(2021, 4, 15), "KERN", "CA"]])));

        Assert.Equal("queues: PublicQueueReport.xlsx: not in the CAISO queue layout: no sheet has its columns; the closest, sheet 'Grid GenerationQueue': required columns missing: 'Fuel-1', 'Net MWs to Grid'.", error.Message);
    }
}
