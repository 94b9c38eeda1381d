using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Sources.Eia860m;

public class TechnologyClassMapTests
{
    private static readonly string CuratedCsv = Path.Combine(Repository.Root, "functions", "AiEnergyPipeline", "curated", TechnologyClassMap.FileName);

    private static string WriteCsv(string text)
    {
        var path = Path.Combine(Repository.NewTempFolder(), TechnologyClassMap.FileName);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("Conventional Steam Coal", "coal")]
    [InlineData("Coal Integrated Gasification Combined Cycle", "coal")]
    [InlineData("Natural Gas Fired Combined Cycle", "gas_combined_cycle")]
    [InlineData("Natural Gas Fired Combustion Turbine", "gas_combustion_turbine")]
    [InlineData("Natural Gas Steam Turbine", "gas_steam")]
    [InlineData("Natural Gas Internal Combustion Engine", "gas_internal_combustion")]
    [InlineData("Nuclear", "nuclear")]
    [InlineData("Conventional Hydroelectric", "hydro")]
    [InlineData("Hydroelectric Pumped Storage", "pumped_storage")]
    [InlineData("Onshore Wind Turbine", "onshore_wind")]
    [InlineData("Offshore Wind Turbine", "offshore_wind")]
    [InlineData("Solar Photovoltaic", "solar_pv")]
    [InlineData("Solar Thermal with Energy Storage", "solar_thermal")]
    [InlineData("Solar Thermal without Energy Storage", "solar_thermal")]
    [InlineData("Solar Thermal with or without Energy Storage", "solar_thermal")]
    [InlineData("Batteries", "battery_storage")]
    [InlineData("Flywheels", "battery_storage")]
    [InlineData("Geothermal", "geothermal")]
    [InlineData("Wood/Wood Waste Biomass", "biomass")]
    [InlineData("Landfill Gas", "biomass")]
    [InlineData("Municipal Solid Waste", "biomass")]
    [InlineData("Other Waste Biomass", "biomass")]
    [InlineData("Petroleum Liquids", "oil")]
    [InlineData("Petroleum Coke", "coal")]
    [InlineData("Other Gases", "other")]
    [InlineData("Other Natural Gas", "other")]
    [InlineData("All Other", "other")]
    [InlineData("Natural Gas with Compressed Air Storage", "gas_combustion_turbine")]
    public void ClassOf_EveryEia860mTechnology_HasAClassInTheSharedVocabulary(string technology, string expected)
    {
        var map = TechnologyClassMap.Load(CuratedCsv, "curated");

        Assert.Equal(expected, map.ClassOf(technology));
        Assert.Contains(expected, TechnologyClassMap.Classes);
    }

    [Fact]
    public void ClassOf_CaseAndSpacing_DoNotMatterAndUnlistedIsUnknown()
    {
        var map = TechnologyClassMap.Load(WriteCsv("technology,accreditation_class,notes\nSolar Photovoltaic,solar_pv,\"PV, any mounting\"\n"), "curated");

        Assert.Equal(("solar_pv", "solar_pv", "unknown"), (map.ClassOf(" solar  PHOTOVOLTAIC "), map.ClassOf("Solar Photovoltaic"), map.ClassOf("Tidal Kite")));
    }

    [Theory]
    [InlineData("technology,class\nNuclear,nuclear\n", "required column missing: 'accreditation_class'.")]
    [InlineData("technology,accreditation_class\nNuclear,nuclear\nnuclear,coal\n", "line 3: 'nuclear' is listed twice.")]
    [InlineData("technology,accreditation_class\nNuclear,Nuclear\n", "line 2: 'Nuclear' is not an accreditation class")]
    [InlineData("technology,accreditation_class\n,nuclear\n", "line 2: the technology is empty.")]
    public void Load_BadTable_FailsSayingWhy(string text, string cause)
    {
        var error = Assert.Throws<SourceException>(() => TechnologyClassMap.Load(WriteCsv(text), "curated"));

        Assert.StartsWith("curated: technology_classes.csv: " + cause, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_FailsNamingWhereItLooked()
    {
        var missing = Path.Combine(Repository.NewTempFolder(), TechnologyClassMap.FileName);

        var error = Assert.Throws<SourceException>(() => TechnologyClassMap.Load(missing, "eia860m"));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
