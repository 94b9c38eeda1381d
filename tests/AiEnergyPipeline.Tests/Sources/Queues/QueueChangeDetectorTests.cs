using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Sources.Queues;

public class QueueChangeDetectorTests
{
    private static QueueSnapshotRow Row(string key, string status = "active", double? mw = 100, string? proposed = "2027-06-01", string region = "PJM", bool complete = true) =>
        new(region, key, key.Split(' ')[0], status, mw, proposed is null ? null : DateOnly.Parse(proposed, System.Globalization.CultureInfo.InvariantCulture), complete);

    private static async Task<string[]> WriteAsync(IReadOnlyList<QueueSnapshotRow> previous, IReadOnlyList<QueueSnapshotRow> current)
    {
        await using var writer = TableWriter.Create(Repository.NewTempFolder(), Schemas.QueueChanges, OriginColumn.Fetched);
        QueueChangeDetector.Write(writer, previous, current, "20261101T060000Z-aaaaaa", "20261201T060000Z-bbbbbb");
        var table = await writer.CompleteAsync(CancellationToken.None);
        return (await File.ReadAllLinesAsync(table.LocalPath)).Skip(1).Select(l => string.Join(',', l.Split(',').Take(7))).ToArray();
    }

    [Fact]
    public async Task Write_EveryKindOfChange_OneRowEachWithBothValues()
    {
        var lines = await WriteAsync(
            [Row("A1"), Row("A2"), Row("A3"), Row("A4"), Row("A5", mw: 100), Row("A6", proposed: "2027-06-01"), Row("A7"), Row("A8", status: "operational")],
            [Row("A2", status: "withdrawn"), Row("A3", status: "operational"), Row("A4", status: "suspended"), Row("A5", mw: 150.5), Row("A6", proposed: "2028-09-01"), Row("A7"), Row("A8", status: "retired"), Row("B1 Phase II")]);

        Assert.Equal(
        [
            "PJM,A2,A2,withdrawn,active,withdrawn,",
            "PJM,A3,A3,in_service,active,operational,",
            "PJM,A4,A4,status_changed,active,suspended,",
            "PJM,A5,A5,capacity_changed,100,150.5,",
            "PJM,A6,A6,proposed_date_moved,2027-06-01,2028-09-01,15",
            "PJM,A8,A8,retired,operational,retired,",
            "PJM,B1 Phase II,B1,entered,,active,",
            "PJM,A1,A1,left,active,,",
        ],
            lines);
    }

    [Fact]
    public async Task Write_SameProjects_NoChanges() =>
        Assert.Empty(await WriteAsync([Row("A1"), Row("A2", mw: 10.0004)], [Row("A1"), Row("A2", mw: 10.0)]));

    [Fact]
    public async Task Write_DateMovedEarlier_MonthsNegative()
    {
        var lines = await WriteAsync([Row("A1", proposed: "2028-01-01")], [Row("A1", proposed: "2027-11-01")]);

        Assert.Equal(["PJM,A1,A1,proposed_date_moved,2028-01-01,2027-11-01,-2"], lines);
    }

    [Fact]
    public async Task Write_QueueMissingFromThisRun_ItsProjectsAreNotReportedAsLeft()
    {
        // CAISO's file failed in this run: its projects are absent, not withdrawn; PJM is still compared.
        var lines = await WriteAsync(
            [Row("A1"), Row("C1", region: "CAISO"), Row("C2", region: "CAISO")],
            [Row("A1", status: "withdrawn")]);

        Assert.Equal(["PJM,A1,A1,withdrawn,active,withdrawn,"], lines);
    }

    [Fact]
    public async Task Write_QueueIncompleteInEitherRun_NotCompared()
    {
        // SPP lacked its withdrawn file in the previous run (complete false): this run's withdrawn requests did not "enter".
        // NYISO lacks a file in this run: the projects of that file did not "leave".
        var lines = await WriteAsync(
            [Row("S1", region: "SPP", complete: false), Row("N1", region: "NYISO"), Row("N2", region: "NYISO"), Row("A1")],
            [Row("S1", region: "SPP"), Row("S9", status: "withdrawn", region: "SPP"), Row("N1", region: "NYISO", complete: false), Row("A1"), Row("A2")]);

        Assert.Equal(["PJM,A2,A2,entered,,active,"], lines);
        Assert.Equal(["NYISO", "SPP"], QueueChangeDetector.RegionsNotCompared(
            [Row("S1", region: "SPP", complete: false), Row("N1", region: "NYISO"), Row("A1")],
            [Row("S1", region: "SPP"), Row("N1", region: "NYISO", complete: false), Row("A1")]));
    }
}
