using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Vocabulary;
using System.Globalization;

namespace AiEnergyPipeline.Tests.Gap;

public class GapModelTests
{
    [Fact]
    public void Compute_HandWorkedCase_MatchesTheHandComputation()
    {
        // Scenario s1: 0 GW in 2025, 10 GW in 2027, so 5 GW in 2026 (interpolated) and 10 GW in 2028 (flat).
        // Other load growth: no BA has 3 full years, so 10 GW a year (assumption): 0, 10, 20, 30.
        // Firm additions (GW, cumulative): 2026 0.4; 2027 0.4 + 0.05 + 0.1 = 0.55; 2028 0.55 + 0 - 0.27 = 0.28.
        // Gap = (ai + other) x 1.2 - firm:
        //   2025: 0; 2026: 15 x 1.2 - 0.4 = 17.6; 2027: 30 x 1.2 - 0.55 = 35.45; 2028: 40 x 1.2 - 0.28 = 47.72.
        var result = GapModel.Compute(GapTestData.Inputs(), GapTestData.Settings());

        Assert.Equal([2025, 2026, 2027, 2028], result.ByYear.Select(r => r.Year));
        Assert.Equal([0, 5, 10, 10], result.ByYear.Select(r => r.AiDemandGw));
        Assert.Equal([ScenarioValueBasis.Published, ScenarioValueBasis.Interpolated, ScenarioValueBasis.Published, ScenarioValueBasis.ExtrapolatedFlat], result.ByYear.Select(r => r.AiDemandBasis));
        Assert.Equal([0, 10, 20, 30], result.ByYear.Select(r => r.OtherLoadGrowthGw));
        Assert.All(result.ByYear, r => Assert.Equal(GrowthBasis.Assumption, r.OtherLoadGrowthBasis));
        Assert.Equal([0, 0.4, 0.55, 0.28], result.ByYear.Select(r => r.FirmAdditionsGw));
        Assert.Equal([0, 17.6, 35.45, 47.72], result.ByYear.Select(r => r.GapGw));
        Assert.Contains(result.Notes, n => n.Contains("1 units of class 'unknown'", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("status 'P' have no completion weight", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_PlannedUnitsOfTheBaseYearOrEarlierOrWithoutAYear_AreNotCountedAndTheNotesSaySo()
    {
        // The hand-worked units hold one planned for 2025 (the base year, 999 MW); two more: 2023, and no year.
        var units = GapTestData.Units.Concat([new GeneratorUnit("planned", "PJM", "solar_pv", "V", 1, 2023, null), new GeneratorUnit("planned", "ERCO", "solar_pv", "V", 40.5, null, null)]).ToList();

        var result = GapModel.Compute(GapTestData.Inputs(generators: units), GapTestData.Settings());

        Assert.Equal([0, 0.4, 0.55, 0.28], result.ByYear.Select(r => r.FirmAdditionsGw));
        Assert.Contains("2 planned units (1000 MW nameplate) have a planned operation year of 2025 (the base year) or earlier and are still planned, not operating: not counted as additions", result.Notes);
        Assert.Contains("1 planned units (40.5 MW nameplate) have no planned operation month: not counted as additions", result.Notes);
    }

    [Fact]
    public void Compute_HandWorkedCase_AllocatesRegionsByPeakShare()
    {
        // PJM (MIDA) has 300 of 400 MW of peaks: 75% of AI demand and of the assumed other growth; ERCO (TEX) 25%.
        // Region unknown (BA XXXX) has no peaks: no share, so its demand and gap are empty (not 0), but its 0.1 GW of 2027 additions are there.
        var result = GapModel.Compute(GapTestData.Inputs(), GapTestData.Settings());

        var mida2028 = result.ByRegion.Single(r => r.Region == "MIDA" && r.Year == 2028);
        Assert.Equal(7.5, mida2028.AiDemandGw);
        Assert.Equal(22.5, mida2028.OtherLoadGrowthGw);
        Assert.Equal(0.13, mida2028.FirmAdditionsGw, 9);
        var unknown2027 = result.ByRegion.Single(r => r.Region == GapModel.UnknownRegion && r.Year == 2027);
        Assert.Equal((null, null, (double?)null), (unknown2027.AiDemandGw, unknown2027.OtherLoadGrowthGw, unknown2027.GapGw));
        Assert.Equal(0.1, unknown2027.FirmAdditionsGw, 9);
        Assert.Contains("regions without ba_annual peaks, so without a share of US AI demand: their ai_demand_gw, other_load_growth_gw and gap_gw in gap_by_region left empty: unknown", result.Notes);
        Assert.Equal(["MIDA", "TEX", "unknown"], result.ByRegion.Select(r => r.Region).Distinct());
    }

    [Fact]
    public void Compute_AnyInputs_EveryRowSatisfiesTheFormulaFromItsRoundedColumns()
    {
        var scenarios = new List<ScenarioPoint> { new("s", 2020, 1.1234567, "P, T (1)"), new("s", 2029, 77.7777777, "P, T (1)") };

        var result = GapModel.Compute(GapTestData.Inputs(scenarios), GapTestData.Settings(0.1777777));

        Assert.All(result.ByYear, r => Assert.NotNull(r.GapGw));
        Assert.All(result.ByRegion, r => Assert.Equal(r.GapGw is null, r.AiDemandGw is null || r.OtherLoadGrowthGw is null));
        Assert.All(result.ByYear.Concat(result.ByRegion).Where(r => r.GapGw is not null), r => Assert.True(
            Math.Abs(((r.AiDemandGw!.Value + r.OtherLoadGrowthGw!.Value) * (1 + r.ReserveMargin)) - r.FirmAdditionsGw - r.GapGw!.Value) <= 1e-6,
            $"{r.ScenarioId} {r.Region} {r.Year}: gap {r.GapGw?.ToString(CultureInfo.InvariantCulture)}"));
    }

    [Fact]
    public void Compute_MoreAccreditedAdditions_NeverRaisesTheGap()
    {
        var more = GapTestData.Units.Append(new GeneratorUnit("planned", "PJM", "gas_combined_cycle", "V", 250, 2027, null)).ToList();

        var before = GapModel.Compute(GapTestData.Inputs(), GapTestData.Settings());
        var after = GapModel.Compute(GapTestData.Inputs(generators: more), GapTestData.Settings());

        Assert.All(before.ByYear.Zip(after.ByYear), p => Assert.True(p.Second.GapGw <= p.First.GapGw));
        Assert.True(after.ByYear[^1].GapGw < before.ByYear[^1].GapGw);
    }

    [Fact]
    public void Compute_HigherReserveMarginWhileDemandGrows_NeverLowersTheGap()
    {
        var low = GapModel.Compute(GapTestData.Inputs(), GapTestData.Settings(0.1));
        var high = GapModel.Compute(GapTestData.Inputs(), GapTestData.Settings(0.3));

        Assert.All(low.ByYear.Zip(high.ByYear), p => Assert.True(p.Second.GapGw >= p.First.GapGw));
        Assert.True(high.ByYear[^1].GapGw > low.ByYear[^1].GapGw);
    }

    [Fact]
    public void Compute_ScenarioRemoved_LeavesTheOtherScenariosRowsUnchanged()
    {
        var two = GapTestData.Inputs().Scenarios.Concat([new ScenarioPoint("s0", 2024, 3, "Other, B (2024)"), new ScenarioPoint("s0", 2030, 9, "Other, B (2024)")]).ToList();

        var withBoth = GapModel.Compute(GapTestData.Inputs(two), GapTestData.Settings());
        var alone = GapModel.Compute(GapTestData.Inputs(), GapTestData.Settings());

        Assert.Equal(alone.ByYear, withBoth.ByYear.Where(r => r.ScenarioId == "s1"));
        Assert.Equal(alone.ByRegion, withBoth.ByRegion.Where(r => r.ScenarioId == "s1"));
    }

    [Fact]
    public void Compute_ScenarioStartsAfterTheBaseYear_UsesItsFirstPointAsBaseAndSaysSo()
    {
        var late = new List<ScenarioPoint> { new("late", 2027, 4, "P, T (1)"), new("late", 2028, 6, "P, T (1)") };

        var result = GapModel.Compute(GapTestData.Inputs(late), GapTestData.Settings());

        Assert.Equal([0, 0, 0, 2], result.ByYear.Select(r => r.AiDemandGw));
        Assert.Equal(ScenarioValueBasis.ExtrapolatedFlat, result.ByYear[0].AiDemandBasis);
        Assert.Contains(result.Notes, n => n.Contains("late has no point at or before base year 2025", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_ThreeFullYearsOfPeaks_UsesTheTrendOfThoseBalancingAuthorities()
    {
        // PJM: 100, 130, 140 MW over 2022-2024 at full coverage: slope 20 MW a year. ERCO's partial years do not count.
        var peaks = new List<AnnualPeak>
        {
            new("PJM", 2022, 100_000, 1), new("PJM", 2023, 130_000, 0.95), new("PJM", 2024, 140_000, 0.99), new("PJM", 2025, 1, 0.1),
            new("ERCO", 2023, 50_000, 0.5), new("ERCO", 2024, 90_000, 0.5), new("ERCO", 2025, 99_000, 0.5),
        };

        var result = GapModel.Compute(GapTestData.Inputs(peaks: peaks), GapTestData.Settings());

        Assert.All(result.ByYear, r => Assert.Equal(GrowthBasis.Trend, r.OtherLoadGrowthBasis));
        Assert.Equal([0, 20, 40, 60], result.ByYear.Select(r => r.OtherLoadGrowthGw));
        Assert.Equal(60, result.ByRegion.Single(r => r.Region == "MIDA" && r.Year == 2028).OtherLoadGrowthGw);
        // TEX has no trend of its own: its growth (and gap) are empty, not 0, and the notes say so.
        Assert.Null(result.ByRegion.Single(r => r.Region == "TEX" && r.Year == 2028).OtherLoadGrowthGw);
        Assert.Null(result.ByRegion.Single(r => r.Region == "TEX" && r.Year == 2028).GapGw);
        Assert.Contains(result.Notes, n => n.StartsWith("regions without a balancing authority of 3 complete years, so without a trend of their own: their other_load_growth_gw and gap_gw in gap_by_region left empty", StringComparison.Ordinal) && n.EndsWith(": TEX, unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_OnlyPartialYears_UsesTheAssumption()
    {
        var peaks = new List<AnnualPeak> { new("PJM", 2023, 1, 0.89), new("PJM", 2024, 2, 0.89), new("PJM", 2025, 3, 0.89) };

        var result = GapModel.Compute(GapTestData.Inputs(peaks: peaks), GapTestData.Settings());

        Assert.All(result.ByYear, r => Assert.Equal(GrowthBasis.Assumption, r.OtherLoadGrowthBasis));
        Assert.Equal(30, result.ByYear[^1].OtherLoadGrowthGw);
    }

    [Fact]
    public void Compute_Additions_GroupsByYearAndClass()
    {
        var result = GapModel.Compute(GapTestData.Inputs(), GapTestData.Settings());

        var gas2026 = result.Additions.Single(a => a.Year == 2026);
        Assert.Equal(new AdditionsRow(2026, "gas_combined_cycle", 1000, 800, 400, 0, FirmChangeMw: 400), gas2026);
        // A retirement alone: no completion weight, basis none; it takes 300 x 0.9 from firm supply.
        Assert.Equal(new AdditionsRow(2028, "coal", 0, 0, 0, 300, WeightBasis.None, FirmChangeMw: -270), result.Additions.Single(a => a.Year == 2028 && a.AccreditationClass == "coal"));
        Assert.Equal(new AdditionsRow(2027, "unknown", 200, 100, 100, 0, FirmChangeMw: 100), result.Additions.Single(a => a.AccreditationClass == "unknown"));
    }

    [Fact]
    public void Compute_UsVsChina_LeavesMissingYearsEmpty()
    {
        var result = GapModel.Compute(GapTestData.Inputs(), GapTestData.Settings());

        Assert.Equal([new CountryComparisonRow(2023, null, 352.11), new CountryComparisonRow(2024, 37.9, 423)], result.UsVsChina);
    }

    [Fact]
    public void Compute_Headline_Names2028AndTheScenarioSource()
    {
        var result = GapModel.Compute(GapTestData.Inputs(), GapTestData.Settings());

        var headline = Assert.Single(result.Headlines);
        Assert.Equal(47.72, headline.GapGw2028);
        Assert.Equal("Under Publisher's 'A Title' estimate (s1), US firm supply falls 47.7 GW short of AI and other load growth by 2028.", headline.Headline);
    }
}
