using AiEnergyPipeline.Sources.Queues;

namespace AiEnergyPipeline.Tests.Sources.Queues;

public class GenerationTypesTests
{
    [Theory]
    [InlineData("Solar", "solar_pv")]
    [InlineData("Photovoltaic", "solar_pv")]
    [InlineData("Solar - Photovoltaic Solar", "solar_pv")]
    [InlineData("Solar+Battery", "solar_pv")]
    [InlineData("Solar; Storage", "solar_pv")]
    [InlineData("Battery", "battery_storage")]
    [InlineData("Storage", "battery_storage")]
    [InlineData("Battery Energy Storage", "battery_storage")]
    [InlineData("Battery+Solar", "battery_storage")]
    [InlineData("Pumped Storage", "pumped_storage")]
    [InlineData("Compressed Air Energy Storage", "other")]
    [InlineData("Wind", "onshore_wind")]
    [InlineData("Wind - Wind Turbine", "onshore_wind")]
    [InlineData("Offshore Wind", "offshore_wind")]
    [InlineData("Gas", "gas_combustion_turbine")]
    [InlineData("Natural Gas", "gas_combustion_turbine")]
    [InlineData("Gas - Combined-Cycle", "gas_combined_cycle")]
    [InlineData("Combined Cycle", "gas_combined_cycle")]
    [InlineData("Gas - Combustion Turbine", "gas_combustion_turbine")]
    [InlineData("Gas - Internal Combustion", "gas_internal_combustion")]
    [InlineData("Natural Gas Steam Turbine", "gas_steam")]
    [InlineData("Diesel - Internal Combustion", "oil")]
    [InlineData("Oil", "oil")]
    [InlineData("Nuclear", "nuclear")]
    [InlineData("Coal", "coal")]
    [InlineData("Hydro", "hydro")]
    [InlineData("Geothermal", "geothermal")]
    [InlineData("Biomass", "biomass")]
    [InlineData("Landfill Gas", "biomass")]
    [InlineData("Methane", "biomass")]
    [InlineData("Wood", "biomass")]
    [InlineData("Solar Thermal", "solar_thermal")]
    [InlineData("Fuel Cell", "other")]
    [InlineData("Other - Other", "other")]
    public void Classify_KnownTypes_MapToTheSharedClasses(string type, string accreditationClass) =>
        Assert.Equal(accreditationClass, GenerationTypes.Classify(type));

    [Theory]
    [InlineData("")]
    [InlineData("Hybrid")]
    [InlineData("Unknown")]
    [InlineData("Steam Turbine")]
    [InlineData("Xyzzy")]
    public void Classify_TypesNoRuleKnows_AreUnknown(string type) =>
        Assert.Equal("unknown", GenerationTypes.Classify(type));

    [Theory]
    [InlineData("Solar+Wind+Battery", new[] { "Solar", "Wind", "Battery" })]
    [InlineData("Natural Gas; Storage", new[] { "Natural Gas", "Storage" })]
    [InlineData("Gas - Combined-Cycle", new[] { "Gas - Combined-Cycle" })]
    public void Components_Hybrids_SplitInOrder(string type, string[] components) =>
        Assert.Equal(components, GenerationTypes.Components(type));
}
