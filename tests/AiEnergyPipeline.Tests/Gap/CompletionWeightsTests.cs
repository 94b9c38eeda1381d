using AiEnergyPipeline.Gap;

namespace AiEnergyPipeline.Tests.Gap;

public class CompletionWeightsTests
{
    private static readonly CompletionLearningOptions Options = new() { Cohorts = 3, MinimumCohortMw = 1000 };

    // Four cohorts; the oldest (2021) falls outside the three newest. Status U: 1200 MW planned in
    // 2022-2024, 300 online; status T: 600 MW, too few to measure; U solar_pv: 1000 MW, 200 online.
    private static readonly RealisationCohort[] Rows =
    [
        new(2021, "all", "U", 5000, 5000),
        new(2022, "all", "U", 400, 100),
        new(2023, "all", "U", 400, 100),
        new(2024, "all", "U", 400, 100),
        new(2022, "solar_pv", "U", 400, 50),
        new(2023, "solar_pv", "U", 300, 50),
        new(2024, "solar_pv", "U", 300, 100),
        new(2022, "gas_combined_cycle", "U", 0, 0),
        new(2024, "all", "T", 600, 600),
        new(2024, "all", "all", 2000, 700),
    ];

    [Fact]
    public void Learn_StatusWithEnoughPlannedCapacity_MeasuresOnlineOverPlannedOfTheNewestCohorts()
    {
        var weights = CompletionWeights.Learn(Rows, Options);

        var u = Assert.Single(weights, w => w.Name == "completion_weight.U");
        Assert.Equal((0.25, 2022, 2024, 1200.0, 300.0), (u.Value, u.FirstCohort, u.LastCohort, u.PlannedMw, u.OnlineMw));
        Assert.StartsWith("MEASURED", u.Notes, StringComparison.Ordinal);
        Assert.Equal(0.2, Assert.Single(weights, w => w.Name == "completion_weight.U.solar_pv").Value);
    }

    [Fact]
    public void Learn_StatusWithTooLittlePlannedCapacity_LeavesItToTheAssumption()
    {
        var weights = CompletionWeights.Learn(Rows, Options);

        Assert.DoesNotContain(weights, w => w.Name.StartsWith("completion_weight.T", StringComparison.Ordinal));
        Assert.DoesNotContain(weights, w => w.Name.Contains("gas_combined_cycle", StringComparison.Ordinal));
        Assert.DoesNotContain(weights, w => w.Name.EndsWith(".all", StringComparison.Ordinal));
    }

    [Fact]
    public void Learn_NoHistory_MeasuresNothing()
    {
        Assert.Empty(CompletionWeights.Learn([], Options));
    }
}
