using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Gap;

public class QueueTailModelTests
{
    [Fact]
    public void Compute_TailOn_AddsUnmatchedProjectsOnlyAfterEia860mYears()
    {
        // EIA-860M: 0.45 GW from 2026. Tail: +0.015 GW in 2027 (ERCOT), +0.1 GW in 2028 (PJM).
        var result = GapModel.Compute(QueueTailTestData.Inputs(QueueTailTestData.Queues), QueueTailTestData.On);

        Assert.Equal([0, 0.45, 0.465, 0.565], result.ByYear.Select(r => r.FirmAdditionsGw));
        Assert.Equal(0.1, result.ByRegion.Single(r => r.Region == "MIDA" && r.Year == 2028).FirmAdditionsGw - result.ByRegion.Single(r => r.Region == "MIDA" && r.Year == 2027).FirmAdditionsGw, 9);
        Assert.Equal(0.065, result.ByRegion.Single(r => r.Region == "TEX" && r.Year == 2027).FirmAdditionsGw, 9);
        var note = Assert.Single(result.Notes, n => n.StartsWith("queue supply tail on", StringComparison.Ordinal));
        Assert.Contains("for 2027-2028 (EIA-860M's planned units reach 2026): 6 active queue projects", note, StringComparison.Ordinal);
        Assert.Contains("2 (1480 MW) matched an EIA-860M planned unit and were left out", note, StringComparison.Ordinal);
        Assert.Contains("1 (100 MW) could not be checked", note, StringComparison.Ordinal);
        Assert.Contains("1 (300 MW) had no completion rate", note, StringComparison.Ordinal);
        Assert.Contains("2 (800 MW) were added (1 at their entry cohort's rate, 1 at a pooled rate), 0.115 GW", note, StringComparison.Ordinal);
        // additions_by_year_technology shows what the tail added, row by row, so that it adds up to the gap's firm additions.
        var tail = result.Additions.Where(r => r.Basis == WeightBasis.QueueTail).ToList();
        Assert.Equal([2027, 2028], tail.Select(r => r.Year));
        Assert.Equal(800, tail.Sum(r => r.PlannedNameplateMw), 6);
        Assert.Equal(115, tail.Sum(r => r.WeightedAccreditedMw), 6);
        Assert.All(tail, r => Assert.True(r.AccreditedMw >= r.WeightedAccreditedMw && r.PlannedNameplateMw >= r.AccreditedMw, $"{r}"));
        Assert.DoesNotContain(result.Additions, r => r.Basis == WeightBasis.QueueTail && r.Year <= 2026);
    }

    [Fact]
    public void Compute_TailOn_LeavesOutAProjectAPlannedUnitListsAndAddsItWhenNoneDoes()
    {
        // The NJ gas project alone: 1000 MW x 0.8 x 0.25 = 0.2 GW if it were added.
        var queues = QueueTailTestData.Queues with { Projects = [QueueTailTestData.Projects[0]] };
        var elsewhere = QueueTailTestData.Units.Select(u => u.State == "NJ" ? u with { State = "DE" } : u).ToList();

        var listed = GapModel.Compute(QueueTailTestData.Inputs(queues), QueueTailTestData.On);
        var notListed = GapModel.Compute(QueueTailTestData.Inputs(queues) with { Generators = elsewhere }, QueueTailTestData.On);

        Assert.Equal(0.45, listed.ByYear.Single(r => r.Year == 2027).FirmAdditionsGw, 9);
        Assert.Equal(0.65, notListed.ByYear.Single(r => r.Year == 2027).FirmAdditionsGw, 9);
    }

    [Fact]
    public async Task Compute_TailOff_OutputsAreByteIdenticalToARunWithoutQueues()
    {
        var off = GapModel.Compute(QueueTailTestData.Inputs(QueueTailTestData.Queues), GapTestData.Settings());
        var without = GapModel.Compute(QueueTailTestData.Inputs(null), GapTestData.Settings());

        var a = await WriteAsync(off);
        var b = await WriteAsync(without);

        Assert.Equal([0, 0.45, 0.45, 0.45], off.ByYear.Select(r => r.FirmAdditionsGw));
        Assert.DoesNotContain(off.Notes, n => n.Contains("queue supply tail", StringComparison.Ordinal));
        Assert.Equal(b.Keys, a.Keys);
        Assert.Contains("gap_by_year.csv", a.Keys);
        Assert.All(a, p => Assert.Equal(b[p.Key], p.Value));
    }

    [Fact]
    public void Compute_TailOnWithAQueueReadInPart_AddsNothingAndSaysWhy()
    {
        var partial = QueueTailTestData.Queues with { IncompleteRegions = ["PJM"] };

        var result = GapModel.Compute(QueueTailTestData.Inputs(partial), QueueTailTestData.On);

        Assert.Equal([0, 0.45, 0.45, 0.45], result.ByYear.Select(r => r.FirmAdditionsGw));
        Assert.Contains(result.Notes, n => n.StartsWith("queue supply tail not added (firm additions of 2027-2028 are EIA-860M's only): the queues PJM were read only in part", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_TailOnWithoutQueueTables_AddsNothingAndSaysWhy()
    {
        var result = GapModel.Compute(QueueTailTestData.Inputs(QueueTailInputs.Without("the run published no queue_projects")), QueueTailTestData.On);

        Assert.Equal(0.45, result.ByYear[^1].FirmAdditionsGw, 9);
        Assert.Contains(result.Notes, n => n.EndsWith("are EIA-860M's only): the run published no queue_projects", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_TailOnWhenEia860mReachesTheHorizon_AddsNothingAndSaysSo()
    {
        var reaching = QueueTailTestData.Units.Append(new GeneratorUnit("planned", "PJM", "nuclear", "P", 100, 2028, null, "NJ", 3)).ToList();

        var result = GapModel.Compute(QueueTailTestData.Inputs(QueueTailTestData.Queues) with { Generators = reaching }, QueueTailTestData.On);

        Assert.Contains(result.Notes, n => n == "queue supply tail on, nothing added: EIA-860M's planned units reach 2028, and no year after it is within 2025-2028");
    }

    /// <summary>The gap files of a result, by name, as GapOutputs writes them.</summary>
    private static async Task<Dictionary<string, byte[]>> WriteAsync(GapResult result)
    {
        var folder = Repository.NewTempFolder();
        try
        {
            await GapOutputs.WriteAsync(result, GapTestData.Inputs().Scenarios, "20261130T000000Z-abcdef", folder, sample: false, CancellationToken.None);
            var gap = Path.Combine(folder, Schemas.GapFolder);
            return Directory.GetFiles(gap).Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
