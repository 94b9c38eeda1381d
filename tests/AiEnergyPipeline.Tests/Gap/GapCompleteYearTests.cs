using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.TestKit;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tests.Gap;

/// <summary>Regional shares of AI demand from each balancing authority's latest complete year, named in the notes and headline.json.</summary>
public class GapCompleteYearTests
{
    // 2024 covers 95% of the year: ERCO (TEX) has 98 of 500 MW of peaks, 19.6%. 2025 has 30 hours
    // (coverage 0.003), in which ERCO's 86 of 500 MW would make it 17.2%.
    private static readonly List<AnnualPeak> Peaks =
    [
        new("PJM", 2024, 402, 0.95), new("ERCO", 2024, 98, 0.95),
        new("PJM", 2025, 414, 0.003), new("ERCO", 2025, 86, 0.003),
    ];

    [Fact]
    public void Compute_LatestYearOf30Hours_SharesComeFromThePreviousCompleteYearAndItIsNamed()
    {
        var result = GapModel.Compute(GapTestData.Inputs(peaks: Peaks), GapTestData.Settings());

        // s1 is 10 GW over the base year by 2028: TEX gets 19.6% of it, not 17.2%
        Assert.Equal(1.96, result.ByRegion.Single(r => r.Region == "TEX" && r.Year == 2028).AiDemandGw);
        Assert.Equal(8.04, result.ByRegion.Single(r => r.Region == "MIDA" && r.Year == 2028).AiDemandGw);
        Assert.Equal(2024, result.PeakShareYear);
        Assert.Contains(result.Notes, n => n.StartsWith("regional shares of AI demand from the peaks of 2024: each balancing authority's latest complete year (coverage_ratio >= 0.9", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_LowerCompleteYearMinCoverage_TakesTheLatestYear()
    {
        var settings = GapTestData.Settings() with { CompleteYearMinCoverage = 0.001 };

        var result = GapModel.Compute(GapTestData.Inputs(peaks: Peaks), settings);

        Assert.Equal(1.72, result.ByRegion.Single(r => r.Region == "TEX" && r.Year == 2028).AiDemandGw);
        Assert.Equal(2025, result.PeakShareYear);
    }

    [Fact]
    public void Compute_AuthoritiesCompleteInDifferentYears_EachUsesItsOwnAndTheNoteSaysWhich()
    {
        var peaks = new List<AnnualPeak> { new("PJM", 2024, 402, 0.99), new("ERCO", 2023, 98, 0.97), new("ERCO", 2024, 50, 0.4) };

        var result = GapModel.Compute(GapTestData.Inputs(peaks: peaks), GapTestData.Settings());

        Assert.Equal(1.96, result.ByRegion.Single(r => r.Region == "TEX" && r.Year == 2028).AiDemandGw);
        Assert.Contains(result.Notes, n => n.Contains("from other complete years: ERCO 2023", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_NoCompleteYearAnywhere_LeavesEveryRegionsDemandEmptyAndSaysWhy()
    {
        var peaks = new List<AnnualPeak> { new("PJM", 2025, 300, 0.5), new("ERCO", 2025, 100, 0.5) };

        var result = GapModel.Compute(GapTestData.Inputs(peaks: peaks), GapTestData.Settings());

        Assert.Equal(2025, result.PeakShareYear);
        Assert.Contains(result.Notes, n => n.Contains("without a complete year, counted in the sum with their best-covered partial year, their regions' ai_demand_gw (and other_load_growth_gw, where it is the US assumption by the same share) and gap_gw left empty: ERCO 2025 (coverage 0.5), PJM 2025 (coverage 0.5)", StringComparison.Ordinal));
        var regional = result.ByRegion.Where(r => r.Region is "MIDA" or "TEX").ToList();
        Assert.NotEmpty(regional);
        // Other load growth on the assumption basis is the US figure by the same share: empty too, and so the gap.
        Assert.All(regional, r => Assert.Equal((null, null, (double?)null), (r.AiDemandGw, r.OtherLoadGrowthGw, r.GapGw)));
        // The firm additions are the region's own units: still published.
        Assert.Equal(0.13, result.ByRegion.Single(r => r.Region == "MIDA" && r.Year == 2028).FirmAdditionsGw, 9);
        Assert.All(result.ByYear, r => Assert.NotNull(r.GapGw));
    }

    [Fact]
    public void Compute_OneAuthorityWithoutACompleteYear_OnlyItsRegionIsEmptyAndItStillCountsInTheSum()
    {
        // ERCO's best year covers half the year: TEX is left empty, but its 100 MW stay in the sum, so MIDA keeps 300 of 400 (75%), not 100%.
        var peaks = new List<AnnualPeak> { new("PJM", 2025, 300, 0.95), new("ERCO", 2025, 100, 0.5) };

        var result = GapModel.Compute(GapTestData.Inputs(peaks: peaks), GapTestData.Settings());

        Assert.Equal(7.5, result.ByRegion.Single(r => r.Region == "MIDA" && r.Year == 2028).AiDemandGw);
        Assert.Null(result.ByRegion.Single(r => r.Region == "TEX" && r.Year == 2028).AiDemandGw);
    }

    [Fact]
    public void Compute_NoCompleteYearAndANewerYearOfFewHours_CountsTheBetterCoveredYearInTheSum()
    {
        // 2026 holds 30 hours: its peaks are a January sample, not the year's; 2025 covers half the year.
        // PJM has a complete 2024: MIDA's share is 300 of PJM 300 + ERCO's best-covered 100 (2025), not of ERCO's 2026 sample.
        var peaks = new List<AnnualPeak> { new("PJM", 2024, 300, 0.95), new("ERCO", 2025, 100, 0.5), new("ERCO", 2026, 10, 0.003) };

        var result = GapModel.Compute(GapTestData.Inputs(peaks: peaks), GapTestData.Settings());

        Assert.Equal(7.5, result.ByRegion.Single(r => r.Region == "MIDA" && r.Year == 2028).AiDemandGw);
        Assert.Contains(result.Notes, n => n.Contains("ERCO 2025 (coverage 0.5)", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_TrendAndShares_UseTheSameSetting()
    {
        // three years at 0.85: not complete at 0.9, complete at 0.8
        var peaks = new List<AnnualPeak> { new("PJM", 2022, 100_000, 0.85), new("PJM", 2023, 120_000, 0.85), new("PJM", 2024, 140_000, 0.85) };

        var strict = GapModel.Compute(GapTestData.Inputs(peaks: peaks), GapTestData.Settings());
        var lenient = GapModel.Compute(GapTestData.Inputs(peaks: peaks), GapTestData.Settings() with { CompleteYearMinCoverage = 0.8 });

        Assert.Equal(GrowthBasis.Assumption, strict.ByYear[0].OtherLoadGrowthBasis);
        Assert.Equal(GrowthBasis.Trend, lenient.ByYear[0].OtherLoadGrowthBasis);
        Assert.Equal(60, lenient.ByYear[^1].OtherLoadGrowthGw);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void FromAssumptions_CoverageOutsideZeroToOne_IsRejected(double coverage)
    {
        var assumptions = new Dictionary<string, double>
        {
            ["base_year"] = 2025, ["horizon_year"] = 2030, ["reserve_margin"] = 0.18, ["other_load_growth_gw_per_year"] = 12.6,
            ["accreditation_factor.other"] = 0.6, ["complete_year_min_coverage"] = coverage,
        };

        var error = Assert.Throws<GapException>(() => GapSettings.FromAssumptions(assumptions));

        Assert.Contains("complete_year_min_coverage", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromAssumptions_WithoutTheRow_Uses0Point9()
    {
        var assumptions = new Dictionary<string, double>
        {
            ["base_year"] = 2025, ["horizon_year"] = 2030, ["reserve_margin"] = 0.18, ["other_load_growth_gw_per_year"] = 12.6, ["accreditation_factor.other"] = 0.6,
        };

        Assert.Equal(0.9, GapSettings.FromAssumptions(assumptions).CompleteYearMinCoverage);
    }

    [Fact]
    public async Task WriteAsync_Headline_NamesThePeakShareYear()
    {
        var folder = Repository.NewTempFolder();
        var inputs = GapTestData.Inputs(peaks: Peaks);

        var staged = await GapOutputs.WriteAsync(GapModel.Compute(inputs, GapTestData.Settings()), inputs.Scenarios, "20261127T060000Z-ab12cd", folder, sample: false, CancellationToken.None);

        var headline = await File.ReadAllTextAsync(staged.Single(s => s.Format == "json").LocalPath);
        Assert.Contains("\"peak_share_year\": 2024", headline, StringComparison.Ordinal);
    }
}
