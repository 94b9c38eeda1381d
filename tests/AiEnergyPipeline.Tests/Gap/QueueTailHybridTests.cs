using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Tests.Gap;

/// <summary>
/// A hybrid's further technologies in the queue supply tail: each at its own class's accreditation
/// factor and the project's completion rate; the project left out whole when EIA-860M may list any
/// one of them.
/// </summary>
public class QueueTailHybridTests
{
    // A PJM solar + battery request proposed for 2028. PJM has no solar rates, so it takes PJM's pooled
    // rate: 800 / (800 + 2400) = 0.25 (QueueTailTestData.Rates).
    private static readonly QueueTailProject Hybrid = new(
        "PJM", "PA", "solar_pv", 200, 2028, "2020", [new QueueTailComponent("battery_storage", 100)]);

    private static readonly GapSettings On = QueueTailTestData.On with
    {
        AccreditationFactors = new Dictionary<string, double>(QueueTailTestData.On.AccreditationFactors) { ["battery_storage"] = 0.6 },
    };

    private static GapResult Compute(QueueTailProject project, params GeneratorUnit[] moreUnits) =>
        GapModel.Compute(
            QueueTailTestData.Inputs(QueueTailTestData.Queues with { Projects = [project] }) with { Generators = [.. QueueTailTestData.Units, .. moreUnits] },
            On);

    private static string TailNote(GapResult result) =>
        Assert.Single(result.Notes, n => n.StartsWith("queue supply tail on", StringComparison.Ordinal));

    [Fact]
    public void Compute_Hybrid_AddsEachTechnologyAtItsOwnClassFactorAndTheProjectsRate()
    {
        var result = Compute(Hybrid);

        // solar 200 x 0.1 x 0.25 = 5 MW, battery 100 x 0.6 x 0.25 = 15 MW: 0.02 GW on EIA-860M's 0.45.
        Assert.Equal(0.47, result.ByYear.Single(r => r.Year == 2028).FirmAdditionsGw, 9);
        var tail = result.Additions.Where(r => r.Basis == WeightBasis.QueueTail).OrderBy(r => r.AccreditationClass, StringComparer.Ordinal).ToList();
        Assert.Equal(["battery_storage", "solar_pv"], tail.Select(r => r.AccreditationClass));
        Assert.Equal([100.0, 200.0], tail.Select(r => r.PlannedNameplateMw));
        Assert.Equal(60, tail[0].AccreditedMw, 9);
        Assert.Equal(15, tail[0].WeightedAccreditedMw, 9);
        Assert.Equal(20, tail[1].AccreditedMw, 9);
        Assert.Equal(5, tail[1].WeightedAccreditedMw, 9);
        var note = TailNote(result);
        Assert.Contains("1 (300 MW) were added", note, StringComparison.Ordinal);
        Assert.EndsWith("; hybrids: 1 (100 MW) further technologies counted at their own class's factor, 0 (0 MW) of a technology the generation type does not name left out", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_HybridWhoseBatteryEia860mMayList_LeavesOutTheWholeProject()
    {
        // A planned 95 MW battery in PA in 2027: within 10% of the battery's 100 MW and a year of 2028.
        var battery = new GeneratorUnit("planned", "PJM", "battery_storage", "U", 95, 2027, null, "PA", 9);
        var largerBattery = battery with { NameplateMw = 150 };

        var listed = Compute(Hybrid, battery);
        var notListed = Compute(Hybrid, largerBattery);

        Assert.Contains("1 (300 MW) matched an EIA-860M planned unit and were left out", TailNote(listed), StringComparison.Ordinal);
        Assert.DoesNotContain(listed.Additions, r => r.Basis == WeightBasis.QueueTail);
        Assert.Contains("1 (300 MW) were added", TailNote(notListed), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_FurtherTechnologyOfUnknownClass_AddsNothingForItAndSaysSo()
    {
        var result = Compute(Hybrid with { Further = [new QueueTailComponent("unknown", 50)] });

        // Only the solar: 200 x 0.1 x 0.25 = 5 MW.
        Assert.Equal(0.455, result.ByYear.Single(r => r.Year == 2028).FirmAdditionsGw, 9);
        var note = TailNote(result);
        Assert.Contains("1 (200 MW) were added", note, StringComparison.Ordinal);
        Assert.EndsWith("; hybrids: 0 (0 MW) further technologies counted at their own class's factor, 1 (50 MW) of a technology the generation type does not name left out", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NoHybrids_NoteSaysNothingOfThem()
    {
        var result = Compute(Hybrid with { Further = null });

        Assert.Equal(0.455, result.ByYear.Single(r => r.Year == 2028).FirmAdditionsGw, 9);
        Assert.DoesNotContain("hybrids", TailNote(result), StringComparison.Ordinal);
    }
}
