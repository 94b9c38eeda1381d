using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.TestKit;
using static AiEnergyPipeline.Tests.Sources.Queues.Iso.IsoSamples;

namespace AiEnergyPipeline.Tests.Sources.Queues.Iso;

public class PjmQueueLayoutTests
{
    private static readonly object?[] Header =
        ["Project ID", "Name", "State", "County", "Status", "Transmission Owner", "MFO", "MW Energy", "Fuel", "Submitted Date", "Projected In Service Date", "Revised In Service Date", "Actual In Service Date", "Withdrawal Date"];

    private static object?[] Row(string id, string status, object? mfo = null, object? actual = null, object? withdrawn = null, object? revised = null) =>
        [id, "Laurel Ridge Solar", "PA", "Fulton", status, "PPL", mfo ?? 150.0, 140.0, "Solar", Serial(2018, 10, 31), Serial(2025, 6, 1), revised, actual, withdrawn];

    [Fact]
    public void Read_EveryFate_KeepsStatusAndTheIsoWords()
    {
        var (projects, quarantine) = Read(QueueFileFormat.Pjm, "pjm.xlsx", new Sheet("Queue",
        [
            Header,
            Row("AE1-101", "Active"),
            Row("AB2-045", "In Service", actual: Serial(2019, 11, 20)),
            Row("Z1-077", "Deactivated", actual: Serial(2006, 9, 1)),
            Row("AC1-210", "Partially in Service - Under Construction"),
            Row("AD2-113", "Withdrawn", withdrawn: "8/16/2021"),
            Row("AF1-290", "Suspended"),
            Row("AH2-010", "Retracted"),
            Row("AG1-333", "Engineering and Procurement"),
            Row("AJ1-001", "Awaiting Tender"),
        ]));

        Assert.Empty(quarantine);
        Assert.Equal(
            ["active", "operational", "retired", "active", "withdrawn", "suspended", "withdrawn", "active", "unknown"],
            projects.Select(p => p.Status));
        Assert.Equal("Partially in Service - Under Construction", Single(projects, "AC1-210").StatusRaw);
        Assert.Equal(("Awaiting Tender", "unknown"), (Single(projects, "AJ1-001").StatusRaw, Single(projects, "AJ1-001").Status));
        Assert.Equal("2006-09-01", Single(projects, "Z1-077").ActualCompletion?.Iso);
        Assert.Equal("2021-08-16", Single(projects, "AD2-113").WithdrawnDate?.Iso);
    }

    [Fact]
    public void Read_RenamedAndReorderedColumnsBelowATitle_ReadsByHeader()
    {
        object?[] header = ["Queue Number", "Fuel", "MW Energy", "Queue Date", "Status", "County", "State", "Name", "Projected In Service Date"];
        var (projects, _) = Read(QueueFileFormat.Pjm, "pjm.xlsx", new Sheet("Export",
        [
            ["PJM New Services Queue"],
            header,
            ["AE1-101", "Wind", 99.5, Serial(2019, 1, 31), "Active", "Grant", "WV", "Allegheny Wind", "12/2027"],
        ]));

        var project = Assert.Single(projects);
        Assert.Equal(("AE1-101", 99.5, "onshore_wind", "2019-01-31", "2027-12-01", DatePrecision.Month),
            (project.QueueId, project.CapacityMw, project.AccreditationClass, project.QueueDate?.Iso, project.ProposedCompletion?.Iso, project.ProposedCompletion!.Value.Precision));
    }

    [Fact]
    public void Read_RevisedDateGiven_IsTheProposedCompletion()
    {
        var (projects, _) = Read(QueueFileFormat.Pjm, "pjm.xlsx", new Sheet("Queue", [Header, Row("AE1-101", "Active", revised: "2028-05-01")]));

        Assert.Equal("2028-05-01", Assert.Single(projects).ProposedCompletion?.Iso);
    }

    [Fact]
    public void Read_WrongLayout_FailsNamingTheFileAndTheMissingColumns()
    {
        var error = Assert.Throws<SourceException>(() => Read(QueueFileFormat.Pjm, "pjm.xlsx", new Sheet("Queue",
        [
            ["Project ID", "Name", "State", "County", "Fuel", "Submitted Date"],
            ["AE1-101", "Laurel Ridge Solar", "PA", "Fulton", "Solar", Serial(2018, 10, 31)],
        ])));

        Assert.Equal("queues: pjm.xlsx: not in the PJM queue layout: no sheet has its columns; the closest, sheet 'Queue': required columns missing: 'Status', 'MFO'.", error.Message);
    }
}
