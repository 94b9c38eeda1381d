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
}
