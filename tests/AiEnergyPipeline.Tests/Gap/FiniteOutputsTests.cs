using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tests.Gap;

public class FiniteOutputsTests
{
    private static readonly GapSettings Settings = new(2025, 2030, 0.18, 12.6, new Dictionary<string, double> { ["other"] = 0.6 }, new Dictionary<string, double>());

    private static GapRow Row(double gap, string? region = null) => new("s", region, 2028, 1, "published", 2, "assumption", 0.18, 0.5, gap);

    private static GapResult Result(IReadOnlyList<GapRow>? byYear = null, IReadOnlyList<GapRow>? byRegion = null, IReadOnlyList<AdditionsRow>? additions = null, IReadOnlyList<CountryComparisonRow>? countries = null, IReadOnlyList<ScenarioHeadline>? headlines = null) =>
        new(Settings, byYear ?? [Row(1)], byRegion ?? [Row(1, "MIDA")], additions ?? [], countries ?? [], headlines ?? [], []);

    [Fact]
    public void Require_AllFinite_DoesNotThrow()
    {
        FiniteOutputs.Require(Result(countries: [new CountryComparisonRow(2024, null, 5)]));
    }

    [Theory]
    [InlineData(double.NaN, "gap_by_year.gap_gw is NaN (scenario s, year 2028)")]
    [InlineData(double.PositiveInfinity, "gap_by_year.gap_gw is +Infinity")]
    [InlineData(double.NegativeInfinity, "gap_by_year.gap_gw is -Infinity")]
    public void Require_NonFiniteGap_ThrowsNamingTheColumn(double value, string message)
    {
        var e = Assert.Throws<GapException>(() => FiniteOutputs.Require(Result(byYear: [Row(value)])));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Require_NonFiniteInEachOtherOutput_ThrowsNamingIt()
    {
        Assert.StartsWith("gap_by_region.gap_gw is NaN (scenario s, region MIDA, year 2028)", Assert.Throws<GapException>(() => FiniteOutputs.Require(Result(byRegion: [Row(double.NaN, "MIDA")]))).Message, StringComparison.Ordinal);
        Assert.StartsWith("additions_by_year_technology.accredited_mw is +Infinity", Assert.Throws<GapException>(() => FiniteOutputs.Require(Result(additions: [new AdditionsRow(2027, "coal", 1, double.PositiveInfinity, 1, 0)]))).Message, StringComparison.Ordinal);
        Assert.StartsWith("us_vs_china_additions.chn_additions_gw is NaN", Assert.Throws<GapException>(() => FiniteOutputs.Require(Result(countries: [new CountryComparisonRow(2024, 1, double.NaN)]))).Message, StringComparison.Ordinal);
        Assert.StartsWith("headline.gap_gw_horizon is -Infinity", Assert.Throws<GapException>(() => FiniteOutputs.Require(Result(headlines: [new ScenarioHeadline("s", "src", 1, 2030, double.NegativeInfinity, "h")]))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_NonFiniteResult_WritesNothing()
    {
        var staging = Path.Combine(Path.GetTempPath(), "aienergy-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await Assert.ThrowsAsync<GapException>(() => GapOutputs.WriteAsync(Result(byYear: [Row(double.NaN)]), [], "run", staging, false, CancellationToken.None));

            Assert.False(Directory.Exists(staging) && Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Any());
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
