using AiEnergyPipeline.Recompute;

namespace AiEnergyPipeline.Tests.Recompute;

public class RecomputeCanonicalJsonTests
{
    [Fact]
    public void ToText_Empty_IsAnEmptyObject() =>
        Assert.Equal("{}", RecomputeCanonicalJson.ToText(RecomputeRequest.Empty));

    [Fact]
    public void ToText_AssumptionsInAnyOrder_SortsKeysAndWritesShortestNumbers()
    {
        var a = RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { ["reserve_margin"] = 0.25, ["base_year"] = 2026, ["accreditation_factor.coal"] = 0.9 }, HorizonYear = 2030 };
        var b = RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { ["accreditation_factor.coal"] = 0.90, ["reserve_margin"] = 0.250, ["base_year"] = 2026 }, HorizonYear = 2030 };

        Assert.Equal(
            """{"assumptions":{"accreditation_factor.coal":0.9,"base_year":2026,"reserve_margin":0.25},"horizon_year":2030}""",
            RecomputeCanonicalJson.ToText(a));
        Assert.Equal(RecomputeCanonicalJson.ToText(a), RecomputeCanonicalJson.ToText(b));
    }

    [Fact]
    public void ToText_Scenario_WritesItsMembersSortedAndLeavesOutAMissingSource()
    {
        var request = RecomputeRequest.Empty with { Scenarios = [new("s", null, null, [new(2028, 50)], true)] };

        Assert.Equal(
            """{"scenarios":[{"points":[{"ai_load_gw":50,"year":2028}],"replaces_published":true,"scenario_id":"s"}]}""",
            RecomputeCanonicalJson.ToText(request));
    }
}
