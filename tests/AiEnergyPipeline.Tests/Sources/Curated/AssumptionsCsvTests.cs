using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Vocabulary;
using static AiEnergyPipeline.Tests.Sources.Curated.CuratedSamples;

namespace AiEnergyPipeline.Tests.Sources.Curated;

public class AssumptionsCsvTests
{
    [Fact]
    public void Read_ValidRows_ComeOutSortedByNameWithTheirCitation()
    {
        var (rows, quarantine, counts) = ReadAssumptions(
            Assumption("reserve_margin", "0.18"),
            Assumption("completion_weight.TS", "0.98"),
            Assumption("accreditation_factor.nuclear", "0.95"),
            Assumption("us_electricity_consumption_twh.2023", "4000", "TWh"),
            Assumption("base_year", "2025", "year", url: "repo:curated/assumptions.csv"));

        Assert.Empty(quarantine);
        Assert.Equal(["accreditation_factor.nuclear", "base_year", "completion_weight.TS", "reserve_margin", "us_electricity_consumption_twh.2023"], rows.Select(r => r.Name));
        Assert.Equal(0.18, rows.Single(r => r.Name == "reserve_margin").Value);
        Assert.All(rows, r => Assert.Equal("Report", r.Source));
        Assert.Equal(5, counts.RowsIn);
    }

    [Theory]
    [InlineData("accreditation_factor.nuclear,1.2,fraction,Report,https://example.org/r,n", "accreditation_factor.nuclear is 1.2, outside [0, 1]")]
    [InlineData("completion_weight.P,-0.1,fraction,Report,https://example.org/r,n", "completion_weight.P is -0.1, outside [0, 1]")]
    [InlineData("reserve_margin,18,fraction,Report,https://example.org/r,n", "reserve_margin is 18, outside [0, 1]")]
    [InlineData("load_factor.data_centre,0,fraction,Report,https://example.org/r,n", "load_factor.data_centre is 0; a load factor must be above 0")]
    [InlineData("reserve_margin,18,%,Report,https://example.org/r,n", "'unit' value '%' is not one of fraction, GW, GW/year, TWh, year")]
    [InlineData("accreditation_factor.nuclear,95,GW,Report,https://example.org/r,n", "accreditation_factor.nuclear must be in fraction, not GW")]
    [InlineData("accreditation_factor.fusion,0.9,fraction,Report,https://example.org/r,n", "unknown accreditation class in 'accreditation_factor.fusion'")]
    [InlineData("completion_weight.XX,0.5,fraction,Report,https://example.org/r,n", "unknown planned status in 'completion_weight.XX'")]
    [InlineData("us_electricity_consumption_twh.recent,4000,TWh,Report,https://example.org/r,n", "must end with a year")]
    [InlineData("base_year,2025.5,year,Report,https://example.org/r,n", "base_year is 2025.5, not a year between 1900 and 2100")]
    [InlineData("other_load_growth_gw_per_year,12.6,GW,Report,https://example.org/r,n", "other_load_growth_gw_per_year must be in GW/year, not GW")]
    [InlineData("reserve_margin,about 0.18,fraction,Report,https://example.org/r,n", "'value' value 'about 0.18' is not a number")]
    [InlineData("Reserve Margin,0.18,fraction,Report,https://example.org/r,n", "'name' value 'Reserve Margin' is not a dotted snake_case name")]
    [InlineData("reserve_margin,0.18,fraction,,https://example.org/r,n", "'source' is empty")]
    [InlineData("reserve_margin,0.18,fraction,Report,,n", "'url' is empty")]
    [InlineData("reserve_margin,0.18,fraction,Report,www.pjm.com,n", "is not an absolute http, https or repo: URL")]
    public void Read_InvalidRow_IsQuarantinedWithFileLineAndReason(string line, string reason)
    {
        var (rows, quarantine, counts) = ReadAssumptions(Assumption("accreditation_factor.coal", "0.83"), line);

        var q = Assert.Single(quarantine);
        Assert.Contains(reason, q.Reason, StringComparison.Ordinal);
        Assert.Equal(3, q.Line);
        Assert.Equal(AssumptionsCsv.FileName, q.File);
        Assert.Equal(CuratedSource.SourceName, q.Source);
        Assert.Equal("accreditation_factor.coal", Assert.Single(rows).Name);
        Assert.Equal(2, counts.RowsIn);
    }

    [Fact]
    public void Read_SameNameTwice_QuarantinesTheSecondNamingTheFirstLine()
    {
        var (rows, quarantine, _) = ReadAssumptions(
            Assumption("reserve_margin", "0.18"),
            Assumption("reserve_margin", "0.15"));

        Assert.Equal("duplicate of line 2: name 'reserve_margin' appears twice", Assert.Single(quarantine).Reason);
        Assert.Equal(3, quarantine[0].Line);
        Assert.Equal(0.18, Assert.Single(rows).Value);
    }

    [Fact]
    public void Read_NameTheGapModelDoesNotKnow_IsKeptWithAKnownUnit()
    {
        // Overrides may add assumptions a later model version reads; only their unit is checked.
        var (rows, quarantine, _) = ReadAssumptions(Assumption("nuclear_restarts_gw", "2.2", "GW"));

        Assert.Empty(quarantine);
        Assert.Equal("nuclear_restarts_gw", Assert.Single(rows).Name);
    }

    [Fact]
    public void Read_ValueColumnMissing_ThrowsNamingFileAndColumn()
    {
        var error = Assert.Throws<SourceException>(() => ReadAssumptionFile("name,unit,source,url,notes", "reserve_margin,fraction,Report,https://example.org/r,n"));

        Assert.Equal(AssumptionsCsv.FileName, error.File);
        Assert.Equal("required column missing: 'value'.", error.Cause);
    }

    [Theory]
    [InlineData("us_electricity_consumption_twh.2023", 2023)]
    [InlineData("us_electricity_consumption_twh.23", null)]
    [InlineData("us_electricity_consumption_twh.20230", null)]
    [InlineData("reserve_margin", null)]
    public void ConsumptionYear_Name_ReturnsItsYear(string name, int? year)
    {
        Assert.Equal(year, AssumptionsCsv.ConsumptionYear(name));
    }

    [Theory]
    [InlineData("0.9", "fraction", null)]
    [InlineData("1.5", "fraction", "complete_year_min_coverage is 1.5, outside [0, 1]")]
    [InlineData("0.9", "GW", "complete_year_min_coverage must be in fraction, not GW")]
    public void Check_CompleteYearMinCoverage_IsAFraction(string value, string unit, string? problem)
    {
        Assert.Equal(problem, AssumptionsCsv.Check(AssumptionNames.CompleteYearMinCoverage, value, unit, out _));
    }

    [Theory]
    [InlineData("0", "switch", null)]
    [InlineData("1", "switch", null)]
    [InlineData("0.5", "switch", "queue_supply_tail is 0.5, not 0 (off) or 1 (on)")]
    [InlineData("1", "fraction", "queue_supply_tail must be in switch, not fraction")]
    public void Check_QueueSupplyTail_IsASwitch(string value, string unit, string? problem)
    {
        Assert.Equal(problem, AssumptionsCsv.Check(AssumptionNames.QueueSupplyTail, value, unit, out _));
    }
}
