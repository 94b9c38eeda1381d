using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Sources.Curated;
using static AiEnergyPipeline.Tests.Recompute.RecomputeSamples;

namespace AiEnergyPipeline.Tests.Recompute;

public class RecomputeLimitsTests
{
    [Theory]
    [InlineData("fraction", 0, true)]
    [InlineData("fraction", 1, true)]
    [InlineData("fraction", 1.0000001, false)]
    [InlineData("fraction", -0.0000001, false)]
    [InlineData("year", 2010, true)]
    [InlineData("year", 2035, true)]
    [InlineData("year", 2009, false)]
    [InlineData("year", 2036, false)]
    [InlineData("year", 2020.5, false)]
    [InlineData("GW", 0, true)]
    [InlineData("GW", -0.5, false)]
    [InlineData("GW/year", 1e300, false)]
    [InlineData("GW/year", 2000, true)]
    [InlineData("GW/year", 2000.000001, false)]
    [InlineData("GW", 2000, true)]
    [InlineData("GW", 1e308, false)]
    [InlineData("TWh", 20000, true)]
    [InlineData("TWh", 20000.5, false)]
    [InlineData("TWh", 0, false)]
    [InlineData("furlongs", 1e6, true)]
    [InlineData("furlongs", 1e7, false)]
    [InlineData("GW/year", -1, false)]
    [InlineData("TWh", 1, true)]
    [InlineData("TWh", -1, false)]
    [InlineData("furlongs", 0, true)]
    [InlineData("furlongs", -1, false)]
    [InlineData("GW", double.NaN, false)]
    [InlineData("GW", double.PositiveInfinity, false)]
    [InlineData("fraction", double.NaN, false)]
    [InlineData("switch", 0, true)]
    [InlineData("switch", 1, true)]
    [InlineData("switch", 0.5, false)]
    [InlineData("switch", 2, false)]
    [InlineData("switch", -1, false)]
    public void Check_ValueByUnit_AllowsOnlyItsRange(string unit, double value, bool allowed)
    {
        var limits = RecomputeLimits.FromAssumptions([("x", 1, unit)], [], MinYear, MaxYear);

        var error = limits.Check(limits.Assumption("x")!, value);

        Assert.Equal(allowed, error is null);
    }

    [Fact]
    public void FromAssumptions_PublishedYears_AreTheBaseAndHorizon()
    {
        Assert.Equal(2025, Limits.PublishedBaseYear);
        Assert.Equal(2030, Limits.PublishedHorizonYear);
        Assert.Equal(["anthropic_build_ai_2028", "epri_2024_high"], Limits.ScenarioIds.Order(StringComparer.Ordinal));
        Assert.Equal(Limits.KnownAssumptionNames.Order(StringComparer.Ordinal), Limits.KnownAssumptionNames);
    }

    [Fact]
    public void FromAssumptions_SameNameTwice_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => RecomputeLimits.FromAssumptions([("a", 1, "GW"), ("a", 2, "GW")], [], 2000, 2030));

        Assert.Contains("'a' is given twice", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromAssumptions_MinYearAfterMaxYear_Throws()
    {
        Assert.Throws<ArgumentException>(() => RecomputeLimits.FromAssumptions([], [], 2031, 2030));
    }

    [Fact]
    public async Task Parse_QueueSupplyTailNotZeroOrOne_IsAnErrorAtItsPath()
    {
        var limits = RecomputeLimits.FromAssumptions([("queue_supply_tail", 0, "switch"), ("base_year", 2025, "year"), ("horizon_year", 2030, "year")], ["s"], MinYear, MaxYear);
        using var half = new MemoryStream("{\"assumptions\": {\"queue_supply_tail\": 0.5}}"u8.ToArray());
        using var on = new MemoryStream("{\"assumptions\": {\"queue_supply_tail\": 1}}"u8.ToArray());

        var rejected = await RecomputeRequestParser.ParseAsync(half, limits, CancellationToken.None);
        var accepted = await RecomputeRequestParser.ParseAsync(on, limits, CancellationToken.None);

        Assert.False(rejected.IsValid);
        Assert.Contains(rejected.Errors["assumptions.queue_supply_tail"], m => m.Contains("0.5 is not 0 (off) or 1 (on)", StringComparison.Ordinal));
        Assert.True(accepted.IsValid);
        Assert.Equal(1, accepted.Request.Assumptions["queue_supply_tail"]);
    }
}
