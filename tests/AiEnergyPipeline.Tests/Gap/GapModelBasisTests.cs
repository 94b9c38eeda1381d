using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tests.Gap;

public class GapModelBasisTests
{
    [Fact]
    public void Compute_MeasuredWeightForTheStatus_ReplacesTheAssumedOneAndSaysMeasured()
    {
        var settings = GapTestData.Settings() with { CompletionWeights = new Dictionary<string, double> { ["U"] = 0.25, ["V"] = 1.0 } };
        settings = settings with { MeasuredWeights = new HashSet<string> { "U" } };

        var result = GapModel.Compute(GapTestData.Inputs(), settings);

        // 1000 MW gas CC x 0.8 x measured 0.25 = 200 MW, where the assumed 0.5 gave 400.
        var row = result.Additions.Single(r => r is { Year: 2026, AccreditationClass: "gas_combined_cycle" });
        Assert.Equal((200.0, WeightBasis.Measured), (row.WeightedAccreditedMw, row.Basis));
        Assert.Equal(WeightBasis.Assumption, result.Additions.Single(r => r is { Year: 2027, AccreditationClass: "solar_pv" }).Basis);
    }

    [Fact]
    public void Compute_MeasuredWeightByStatusAndClass_IsUsedBeforeTheStatusWeight()
    {
        var settings = GapTestData.Settings() with { CompletionWeights = new Dictionary<string, double> { ["U"] = 0.5, ["U.gas_combined_cycle"] = 0.1, ["V"] = 1.0 } };
        settings = settings with { MeasuredWeights = new HashSet<string> { "U.gas_combined_cycle" } };

        var result = GapModel.Compute(GapTestData.Inputs(), settings);

        var row = result.Additions.Single(r => r is { Year: 2026, AccreditationClass: "gas_combined_cycle" });
        Assert.Equal((80.0, WeightBasis.Measured), (row.WeightedAccreditedMw, row.Basis));
    }

    [Fact]
    public void Compute_NoMeasuredWeight_EveryRowWithPlannedUnitsSaysAssumptionAndARetirementAloneNone()
    {
        var result = GapModel.Compute(GapTestData.Inputs(), GapTestData.Settings());

        Assert.All(result.Additions, r => Assert.Equal(r.PlannedNameplateMw > 0 ? WeightBasis.Assumption : WeightBasis.None, r.Basis));
        Assert.Contains(result.Additions, r => r.Basis == WeightBasis.None);
    }

    [Fact]
    public void Compute_AssumedWeightsAndARetirement_FirmAdditionsBasisIsNoneUntilAUnitCountsThenAssumption()
    {
        GeneratorUnit[] units = [new("planned", "PJM", "gas_combined_cycle", "U", 1000, 2026, null), new("operating", "ERCO", "coal", "OP", 300, null, 2027)];

        var result = GapModel.Compute(GapTestData.Inputs(generators: units), GapTestData.Settings());

        Assert.Equal([WeightBasis.None, WeightBasis.Assumption, WeightBasis.Assumption, WeightBasis.Assumption], result.ByYear.Where(r => r.ScenarioId == "s1").Select(r => r.FirmAdditionsBasis));
        // Texas only loses its coal unit: a retirement has no completion weight, so its firm additions count none.
        var texas = result.ByRegion.Where(r => r.Region == "TEX").ToList();
        Assert.Equal([WeightBasis.None, WeightBasis.None, WeightBasis.None, WeightBasis.None], texas.Select(r => r.FirmAdditionsBasis));
        Assert.Equal(-0.27, texas.Single(r => r.Year == 2027).FirmAdditionsGw, 9);
        Assert.Equal(WeightBasis.Assumption, result.ByRegion.Single(r => r is { Region: "MIDA", Year: 2026 }).FirmAdditionsBasis);
    }

    [Fact]
    public void Compute_MeasuredWeightForOneStatus_FirmAdditionsBasisIsMeasuredThenMixed()
    {
        var settings = GapTestData.Settings() with { MeasuredWeights = new HashSet<string> { "U" } };

        var result = GapModel.Compute(GapTestData.Inputs(), settings);

        // 2026 counts PJM's gas unit (U, measured); 2027 adds units weighted V (assumed).
        Assert.Equal([WeightBasis.None, WeightBasis.Measured, WeightBasis.Mixed, WeightBasis.Mixed], result.ByYear.Select(r => r.FirmAdditionsBasis));
        // Mid-Atlantic: the gas unit, then in 2028 a unit of status P, which has no weight (weighted 0, as assumed).
        Assert.Equal([WeightBasis.None, WeightBasis.Measured, WeightBasis.Measured, WeightBasis.Mixed], result.ByRegion.Where(r => r.Region == "MIDA").Select(r => r.FirmAdditionsBasis));
        Assert.Equal(WeightBasis.Assumption, result.ByRegion.Single(r => r is { Region: "TEX", Year: 2027 }).FirmAdditionsBasis);
    }

    [Fact]
    public void Compute_QueueTailOn_FirmAdditionsBasisSaysQueueTailWhereOnlyItsProjectsCount()
    {
        // Without EIA-860M's Texas plant, Texas's firm additions are the tail's two ERCOT projects alone.
        var inputs = QueueTailTestData.Inputs(QueueTailTestData.Queues) with { Generators = [QueueTailTestData.Units[0]] };

        var result = GapModel.Compute(inputs, QueueTailTestData.On);

        var texas = result.ByRegion.Where(r => r.Region == "TEX" && r.ScenarioId == "s1").ToList();
        Assert.Equal([WeightBasis.None, WeightBasis.None, WeightBasis.QueueTail, WeightBasis.QueueTail], texas.Select(r => r.FirmAdditionsBasis));
        Assert.True(texas.Single(r => r.Year == 2027).FirmAdditionsGw > 0);
        // The US adds them to PJM's gas unit (assumed): mixed.
        Assert.Equal([WeightBasis.None, WeightBasis.Assumption, WeightBasis.Mixed, WeightBasis.Mixed], result.ByYear.Select(r => r.FirmAdditionsBasis));
    }

    [Theory]
    [InlineData(new string[0], WeightBasis.None)]
    [InlineData(new[] { "measured", "measured" }, WeightBasis.Measured)]
    [InlineData(new[] { "assumption" }, WeightBasis.Assumption)]
    [InlineData(new[] { "measured", "assumption", "measured" }, WeightBasis.Mixed)]
    [InlineData(new[] { "queue_tail", "measured" }, WeightBasis.Mixed)]
    public void Of_Bases_IsNoneTheSharedOneOrMixed(string[] bases, string expected)
    {
        Assert.Equal(expected, WeightBasis.Of(bases));
    }
}
