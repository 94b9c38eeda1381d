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
    public void Compute_NoMeasuredWeight_EveryRowSaysAssumption()
    {
        var result = GapModel.Compute(GapTestData.Inputs(), GapTestData.Settings());

        Assert.All(result.Additions, r => Assert.Equal(WeightBasis.Assumption, r.Basis));
    }
}
