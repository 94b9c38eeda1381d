using AiEnergyPipeline.Sources.Ember;

namespace AiEnergyPipeline.Tests.Sources.Ember;

public class EmberFuelGroupsTests
{
    [Theory]
    [InlineData("coal", "coal")]
    [InlineData("gas", "gas")]
    [InlineData("other_fossil", "oil")]
    [InlineData("bioenergy", "other")]
    [InlineData("other_renewables", "other")]
    [InlineData("tidal", "other")]
    public void GroupOf_SingleFuel_IsItsGroup(string fuel, string group)
    {
        Assert.Equal(group, EmberFuelGroups.GroupOf(fuel));
    }

    [Fact]
    public void GroupOf_EverySingleFuel_CoversEveryGroup()
    {
        Assert.Equal(EmberFuelGroups.Groups.Order(StringComparer.Ordinal), EmberFuels.SingleFuels.Select(EmberFuelGroups.GroupOf).Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(EmberFuelGroups.Missing(EmberFuels.SingleFuels));
    }

    [Fact]
    public void Missing_OnlyCoalWindAndSolar_NamesTheOtherGroupsInOrder()
    {
        Assert.Equal(["gas", "oil", "nuclear", "hydro", "other"], EmberFuelGroups.Missing(["coal", "wind", "solar"]));
    }
}
