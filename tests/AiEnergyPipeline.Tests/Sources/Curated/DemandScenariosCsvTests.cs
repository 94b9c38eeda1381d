using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Vocabulary;
using static AiEnergyPipeline.Tests.Sources.Curated.CuratedSamples;

namespace AiEnergyPipeline.Tests.Sources.Curated;

public class DemandScenariosCsvTests
{
    [Fact]
    public void Read_EnergyRowWithoutItsOwnLoadFactor_UsesTheDataCentreDefault()
    {
        var (rows, quarantine, _) = ReadScenarios(Scenario("lbnl_2024_low", "2028", "325", "TWh", "energy"));

        Assert.Empty(quarantine);
        var row = Assert.Single(rows);
        // 325 TWh x 1000 / 8760 h = 37.1005 GW average; / 0.8 = 46.3756 GW.
        Assert.Equal(46.3756, row.AiLoadGw);
        Assert.Equal(0.8, row.LoadFactor);
        Assert.Equal(325, row.Value);
        Assert.Equal("TWh", row.Unit);
        Assert.Equal(DemandBasis.Energy, row.Basis);
    }

    [Fact]
    public void Read_EnergyRowWithItsOwnLoadFactor_UsesItsOwn()
    {
        var (rows, _, _) = ReadScenarios(Scenario("x", "2028", "325", "TWh", "energy", loadFactor: "0.5"));

        // 37.1005 GW average / 0.5 = 74.2009 GW.
        Assert.Equal(74.2009, rows[0].AiLoadGw);
        Assert.Equal(0.5, rows[0].LoadFactor);
    }

    [Fact]
    public void Read_EnergyInGwh_ConvertsToTwhFirst()
    {
        var (rows, _, _) = ReadScenarios(Scenario("x", "2028", "8760", "GWh", "energy", loadFactor: "1"));

        // 8,760 GWh over 8,760 h is 1 GW, at load factor 1 also 1 GW of capacity.
        Assert.Equal(1.0, rows[0].AiLoadGw);
    }

    [Fact]
    public void Read_ShareRow_AppliesTheLatestConsumptionAtOrBeforeItsYear()
    {
        var (rows, quarantine, _) = ReadScenarios(
            Scenario("epri_2024_low", "2023", "4", "%", "share"),
            Scenario("epri_2024_low", "2030", "4.6", "%", "share"));

        Assert.Empty(quarantine);
        // 2023: 4% x 4,000 TWh = 160 TWh; 160,000 GWh / 8,760 h = 18.2648 GW; / 0.8 = 22.8311 GW.
        Assert.Equal(22.8311, rows[0].AiLoadGw);
        // 2030 (no 2030 consumption, so 2023's): 4.6% x 4,000 = 184 TWh; 21.0046 GW; / 0.8 = 26.2557 GW.
        Assert.Equal(26.2557, rows[1].AiLoadGw);
    }

    [Fact]
    public void Read_ShareRowWithItsOwnYearsConsumption_PrefersIt()
    {
        var assumptions = new AssumptionSet(
        [
            new Assumption("us_electricity_consumption_twh.2023", 4000, "TWh", "s", Url, "", 2),
            new Assumption("us_electricity_consumption_twh.2030", 5000, "TWh", "s", Url, "", 3),
            new Assumption(AssumptionNames.DataCentreLoadFactor, 1, "fraction", "s", Url, "", 4),
        ]);

        var (rows, _, _) = ReadScenarioFile(assumptions, ScenarioHeader, Scenario("x", "2030", "8.76", "%", "share"));

        // 8.76% x 5,000 TWh = 438 TWh = 438,000 GWh / 8,760 h = 50 GW at load factor 1.
        Assert.Equal(50.0, rows[0].AiLoadGw);
    }

    [Fact]
    public void Read_CapacityRows_KeepTheirValueAndHaveNoLoadFactor()
    {
        var (rows, _, _) = ReadScenarios(
            Scenario("anthropic_build_ai_2028", "2028", "50", "GW", "capacity"),
            Scenario("mw_scenario", "2028", "1500", "MW", "capacity"));

        Assert.Equal(50.0, rows.Single(r => r.ScenarioId == "anthropic_build_ai_2028").AiLoadGw);
        Assert.Equal(1.5, rows.Single(r => r.ScenarioId == "mw_scenario").AiLoadGw);
        Assert.All(rows, r => Assert.Null(r.LoadFactor));
    }

    [Fact]
    public void Read_RowsInAnyOrder_ComeOutByScenarioThenYear()
    {
        var (rows, _, _) = ReadScenarios(
            Scenario("b", "2028", "2", "GW", "capacity"),
            Scenario("a", "2030", "3", "GW", "capacity"),
            Scenario("b", "2025", "1", "GW", "capacity"),
            Scenario("a", "2025", "4", "GW", "capacity"));

        Assert.Equal(["a 2025", "a 2030", "b 2025", "b 2028"], rows.Select(r => $"{r.ScenarioId} {r.Year}"));
    }

    [Theory]
    [InlineData("x,2028,50,GW,power,,Report,https://example.org/r,n", "'basis' value 'power' is not one of capacity, energy, share")]
    [InlineData("x,2028,50,TWh,capacity,,Report,https://example.org/r,n", "'unit' value 'TWh' is not a unit of basis capacity (GW, MW)")]
    [InlineData("x,2028,50,kW,capacity,,Report,https://example.org/r,n", "'unit' value 'kW' is not a unit of basis capacity")]
    [InlineData("x,2028,50,GW,energy,,Report,https://example.org/r,n", "'unit' value 'GW' is not a unit of basis energy (TWh, GWh)")]
    [InlineData("x,2028,fifty,GW,capacity,,Report,https://example.org/r,n", "'value' value 'fifty' is not a number")]
    [InlineData("x,2028,\"4,000\",TWh,energy,,Report,https://example.org/r,n", "'value' value '4,000' is not a number")]
    [InlineData("x,2028,-1,GW,capacity,,Report,https://example.org/r,n", "'value' -1 is outside")]
    [InlineData("x,2028,120,%,share,,Report,https://example.org/r,n", "'value' 120 is outside [0, 100] %")]
    [InlineData("x,2028,325,TWh,energy,1.5,Report,https://example.org/r,n", "'load_factor' 1.5 is outside (0, 1]")]
    [InlineData("x,2028,325,TWh,energy,0,Report,https://example.org/r,n", "'load_factor' 0 is outside (0, 1]")]
    [InlineData("x,2028,325,TWh,energy,high,Report,https://example.org/r,n", "'load_factor' value 'high' is not a number")]
    [InlineData("x,20x8,50,GW,capacity,,Report,https://example.org/r,n", "'year' value '20x8' is not a year")]
    [InlineData("X Scenario,2028,50,GW,capacity,,Report,https://example.org/r,n", "'scenario_id' value 'X Scenario' is not a snake_case id")]
    [InlineData("x,2028,50,GW,capacity,,,https://example.org/r,n", "'source' is empty")]
    [InlineData("x,2028,50,GW,capacity,,Report,,n", "'url' is empty")]
    [InlineData("x,2028,50,GW,capacity,,Report,example.org/r,n", "'url' value 'example.org/r' is not an absolute http, https or repo: URL")]
    [InlineData("x,2028,50,GW,capacity,,Report,https://example.org/r", "the row has 8 fields, the header has 9")]
    public void Read_InvalidRow_IsQuarantinedWithFileLineAndReason(string line, string reason)
    {
        var (rows, quarantine, counts) = ReadScenarios(Scenario("good", "2028", "1", "GW", "capacity"), line);

        var q = Assert.Single(quarantine);
        Assert.Contains(reason, q.Reason, StringComparison.Ordinal);
        Assert.Equal(3, q.Line);
        Assert.Equal(CuratedSource.SourceName, q.Source);
        Assert.Equal(DemandScenariosCsv.FileName, q.File);
        Assert.Equal(ScenariosFile.RawPath, q.RawPath);
        Assert.StartsWith(line.Split(',')[0], q.Excerpt, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(rows).ScenarioId);
        Assert.Equal(2, counts.RowsIn);
    }

    [Fact]
    public void Read_SameScenarioAndYearTwice_QuarantinesTheSecondNamingTheFirstLine()
    {
        var (rows, quarantine, _) = ReadScenarios(
            Scenario("x", "2028", "50", "GW", "capacity"),
            Scenario("y", "2028", "1", "GW", "capacity"),
            Scenario("x", "2028", "60", "GW", "capacity"));

        var q = Assert.Single(quarantine);
        Assert.Equal(4, q.Line);
        Assert.Equal("duplicate of line 2: scenario 'x' year 2028 appears twice", q.Reason);
        Assert.Equal(50.0, rows.Single(r => r.ScenarioId == "x").Value);
    }

    [Fact]
    public void Read_EnergyRowAndNoLoadFactorAnywhere_IsQuarantined()
    {
        var (rows, quarantine, _) = ReadScenarioFile(new AssumptionSet([]), ScenarioHeader, Scenario("x", "2028", "325", "TWh", "energy"));

        Assert.Empty(rows);
        Assert.Contains("needs a load factor", Assert.Single(quarantine).Reason, StringComparison.Ordinal);
        Assert.Contains(AssumptionNames.DataCentreLoadFactor, quarantine[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ShareRowBeforeAnyConsumptionYear_IsQuarantined()
    {
        var (rows, quarantine, _) = ReadScenarios(Scenario("x", "2020", "4", "%", "share"));

        Assert.Empty(rows);
        Assert.Equal("a share needs US consumption: the assumptions have no us_electricity_consumption_twh.<year> for 2020 or earlier", Assert.Single(quarantine).Reason);
    }

    [Fact]
    public void Read_BlankLinesAndQuotedNotes_AreReadAndLinesStayTrue()
    {
        var (rows, quarantine, counts) = ReadScenarioFile(Defaults,
            ScenarioHeader,
            "",
            "x,2028,50,GW,capacity,,\"Anthropic, Build AI in America\",https://example.org/r,\"says \"\"at least\"\"\"",
            "x,2029,bad,GW,capacity,,Report,https://example.org/r,n");

        Assert.Equal("Anthropic, Build AI in America", Assert.Single(rows).Source);
        Assert.Equal("says \"at least\"", rows[0].Notes);
        Assert.Equal(4, Assert.Single(quarantine).Line);
        Assert.Equal(2, counts.RowsIn);
    }

    [Fact]
    public void Read_ColumnsReorderedAndOptionalOnesAbsent_AreFound()
    {
        var (rows, quarantine, _) = ReadScenarioFile(Defaults,
            "url,source,basis,unit,value,year,scenario_id",
            "https://example.org/r,Report,energy,TWh,325,2028,x");

        Assert.Empty(quarantine);
        Assert.Equal(46.3756, Assert.Single(rows).AiLoadGw);
        Assert.Equal("", rows[0].Notes);
    }

    [Theory]
    [InlineData("scenario_id,year,value,unit,load_factor,source,url,notes", "required column missing: 'basis'.")]
    [InlineData("scenario_id,year,value,basis,load_factor,source,notes", "required columns missing: 'unit', 'url'.")]
    public void Read_RequiredColumnMissing_ThrowsNamingFileAndColumn(string header, string message)
    {
        var error = Assert.Throws<SourceException>(() => ReadScenarioFile(Defaults, header, "x,2028,50,GW,,Report,https://example.org/r,n"));

        Assert.Equal(DemandScenariosCsv.FileName, error.File);
        Assert.Equal(CuratedSource.SourceName, error.SourceName);
        Assert.Equal(message, error.Cause);
    }

    [Fact]
    public void Read_EmptyFile_ThrowsSayingSo()
    {
        var error = Assert.Throws<SourceException>(() => DemandScenariosCsv.Read(new MemoryStream(), ScenariosFile, Defaults, _ => { }, new SourceCounts()));

        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }
}
