using AiEnergyPipeline.Gap;

namespace AiEnergyPipeline.Tests.Gap;

/// <summary>Units already built or retired after the base year count in firm additions, and additions_by_year_technology adds up to them.</summary>
public class FirmSupplyTests
{
    // Base year 2025, horizon 2028; accreditation: gas CC 0.8, solar 0.1, coal 0.9.
    private static readonly GeneratorUnit[] Units =
    [
        // Built in 2026 (EIA-860M's newest vintage lists it as operating): 250 MW solar x 0.1 = 25 MW, counted whole.
        new("operating", "PJM", "solar_pv", "OP", 250, null, null, OperatingYear: 2026),
        // Retired in 2026: 180 MW coal x 0.9 = -162 MW.
        new("retired", "PJM", "coal", "RE", 180, null, null, OperatingYear: 1955, RetirementYear: 2026),
        // Built in 2027 and already retired in 2028: +80, then -80 (gas CC 100 x 0.8).
        new("retired", "ERCO", "gas_combined_cycle", "RE", 100, null, null, OperatingYear: 2027, RetirementYear: 2028),
        // Built in the base year, retired before it: part of the base, no change.
        new("operating", "ERCO", "gas_combined_cycle", "OP", 500, null, null, OperatingYear: 2025),
        new("retired", "ERCO", "coal", "RE", 500, null, null, OperatingYear: 1970, RetirementYear: 2025),
        // Planned for 2027, status V (weight 1): 1000 x 0.8 = 800 MW.
        new("planned", "PJM", "gas_combined_cycle", "V", 1000, 2027, null),
        // An operating unit planned to retire in 2028: 300 x 0.9 = -270 MW.
        new("operating", "ERCO", "coal", "OP", 300, null, 2028, OperatingYear: 1980),
    ];

    [Fact]
    public void Compute_UnitsBuiltAndRetiredAfterTheBaseYear_CountInFirmAdditions()
    {
        var result = GapModel.Compute(GapTestData.Inputs(generators: Units), GapTestData.Settings());

        // 2026: +25 - 162 = -137 MW; 2027: +80 + 800 = +880 (743 in all); 2028: -80 - 270 = -350 (393 in all).
        Assert.Equal([0, -0.137, 0.743, 0.393], result.ByYear.Select(r => r.FirmAdditionsGw));
        Assert.Equal(-0.137, result.ByRegion.Single(r => r.Region == "MIDA" && r.Year == 2026).FirmAdditionsGw, 9);
    }

    [Fact]
    public void Compute_UnitsBuiltOrRetired_HaveNoCompletionWeightSoTheBasisIsNoneUntilAPlannedUnitCounts()
    {
        var result = GapModel.Compute(GapTestData.Inputs(generators: Units), GapTestData.Settings());

        Assert.Equal([WeightBasis.None, WeightBasis.None, WeightBasis.Assumption, WeightBasis.Assumption], result.ByYear.Select(r => r.FirmAdditionsBasis));
        var solar2026 = result.Additions.Single(a => a.Year == 2026 && a.AccreditationClass == "solar_pv");
        Assert.Equal(new AdditionsRow(2026, "solar_pv", 0, 0, 0, 0, WeightBasis.None, BuiltNameplateMw: 250, FirmChangeMw: 25), solar2026);
        var coal2026 = result.Additions.Single(a => a.Year == 2026 && a.AccreditationClass == "coal");
        Assert.Equal(new AdditionsRow(2026, "coal", 0, 0, 0, 0, WeightBasis.None, RetiredNameplateMw: 180, FirmChangeMw: -162), coal2026);
    }

    [Fact]
    public void Compute_AnyUnits_TheAdditionsTableAddsUpToTheGapsFirmAdditionsInEveryYear()
    {
        var units = Units.Concat(GapTestData.Units).ToList();

        var result = GapModel.Compute(GapTestData.Inputs(generators: units), GapTestData.Settings());

        Assert.All(result.ByYear, r => Assert.Equal(r.FirmAdditionsGw, result.Additions.Where(a => a.Year <= r.Year).Sum(a => a.FirmChangeMw) / 1000, 9));
    }
}
