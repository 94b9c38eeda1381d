using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Tests.Sources.Ember;

public class EmberFuelsTests
{
    [Theory]
    [InlineData("Coal", "coal", EmberFuelKind.Single)]
    [InlineData("Other fossil", "other_fossil", EmberFuelKind.Single)]
    [InlineData("Other Renewables", "other_renewables", EmberFuelKind.Single)]
    [InlineData("Fossil", "fossil", EmberFuelKind.Aggregate)]
    [InlineData("Gas & oil", "gas_and_other_fossil", EmberFuelKind.Aggregate)]
    [InlineData("Gas and Other Fossil", "gas_and_other_fossil", EmberFuelKind.Aggregate)]
    [InlineData("Hydro, bioenergy & other renewables", "hydro_bioenergy_and_other_renewables", EmberFuelKind.Aggregate)]
    [InlineData("Hydro, Bioenergy and Other Renewables", "hydro_bioenergy_and_other_renewables", EmberFuelKind.Aggregate)]
    [InlineData("Wind and solar", "wind_and_solar", EmberFuelKind.Aggregate)]
    [InlineData("Clean", "clean", EmberFuelKind.Aggregate)]
    [InlineData("Total generation", "total", EmberFuelKind.Total)]
    [InlineData("Net imports", "net_imports", EmberFuelKind.NotCapacity)]
    [InlineData("Production", "production", EmberFuelKind.NotCapacity)]
    public void Find_EmberNames_MapToTheirFuelAndKind(string variable, string fuel, EmberFuelKind kind)
    {
        var found = EmberFuels.Find(variable);

        Assert.Equal((fuel, kind), (found!.Name, found.Kind));
    }

    [Fact]
    public void Find_UnknownName_ReturnsNull()
    {
        Assert.Null(EmberFuels.Find("Battery storage"));
    }

    [Fact]
    public void Aggregates_SumOnlySingleFuels()
    {
        Assert.All(EmberFuels.Aggregates, a => Assert.Subset(EmberFuels.SingleFuels.ToHashSet(), a.Value.ToHashSet()));
        Assert.Empty(EmberFuels.Aggregates.Keys.Intersect(EmberFuels.SingleFuels));
    }

    [Theory]
    [InlineData("Hydro, bioenergy & other renewables", "hydro_bioenergy_and_other_renewables")]
    [InlineData("  Battery Storage (grid) ", "battery_storage_grid")]
    [InlineData("Country or economy", "country_or_economy")]
    public void SnakeCase_EmberName_IsLowerCaseWithUnderscores(string name, string expected)
    {
        Assert.Equal(expected, EmberFuels.SnakeCase(name));
    }
}
