using AiEnergyPipeline.Gap;

namespace AiEnergyPipeline.Tests.Gap;

public class ScenarioCurveTests
{
    private static readonly ScenarioCurve Curve = new([new("s", 2023, 4, ""), new("s", 2030, 18, ""), new("s", 2026, 10, "")]);

    [Theory]
    [InlineData(2020, 4, ScenarioValueBasis.ExtrapolatedFlat)]
    [InlineData(2023, 4, ScenarioValueBasis.Published)]
    [InlineData(2024, 6, ScenarioValueBasis.Interpolated)]
    [InlineData(2026, 10, ScenarioValueBasis.Published)]
    [InlineData(2028, 14, ScenarioValueBasis.Interpolated)]
    [InlineData(2030, 18, ScenarioValueBasis.Published)]
    [InlineData(2035, 18, ScenarioValueBasis.ExtrapolatedFlat)]
    public void At_Year_InterpolatesLinearlyAndHoldsFlatOutside(int year, double gw, string basis)
    {
        var (value, found) = Curve.At(year);

        Assert.Equal(gw, value, 9);
        Assert.Equal(basis, found);
    }
}
