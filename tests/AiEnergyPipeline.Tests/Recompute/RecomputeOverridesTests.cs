using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Recompute;

namespace AiEnergyPipeline.Tests.Recompute;

public class RecomputeOverridesTests
{
    private static readonly Dictionary<string, double> Published = new()
    {
        ["base_year"] = 2025,
        ["horizon_year"] = 2030,
        ["reserve_margin"] = 0.18,
        ["other_load_growth_gw_per_year"] = 5,
        ["accreditation_factor.other"] = 0.5,
        ["accreditation_factor.solar_pv"] = 0.1,
    };

    private static GapInputs Inputs() => new(
        [new("a", 2025, 1, "A"), new("a", 2030, 2, "A"), new("b", 2025, 3, "B")],
        Published,
        [],
        [],
        [],
        []);

    private static ScenarioOverride Scenario(string id, string? source, bool replaces, params (int Year, double Gw)[] points) =>
        new(id, source, source is null ? null : "https://example.org/", [.. points.Select(p => new ScenarioOverridePoint(p.Year, p.Gw))], replaces);

    [Fact]
    public void Apply_EmptyRequest_KeepsThePublishedSettingsAndScenarios()
    {
        var (inputs, settings) = RecomputeOverrides.Apply(Inputs(), RecomputeRequest.Empty);

        Assert.Equal(Inputs().Scenarios, inputs.Scenarios);
        Assert.Equal(0.18, settings.ReserveMargin);
        Assert.Equal((2025, 2030), (settings.BaseYear, settings.HorizonYear));
    }

    [Fact]
    public void Apply_AssumptionsAndYears_ReplaceThePublishedValuesByName()
    {
        var request = RecomputeRequest.Empty with
        {
            Assumptions = new Dictionary<string, double> { ["reserve_margin"] = 0.25, ["accreditation_factor.solar_pv"] = 0.3 },
            BaseYear = 2026,
            HorizonYear = 2028,
        };

        var (inputs, settings) = RecomputeOverrides.Apply(Inputs(), request);

        Assert.Equal(0.25, settings.ReserveMargin);
        Assert.Equal(0.3, settings.AccreditationFactors["solar_pv"]);
        Assert.Equal(0.5, settings.AccreditationFactors["other"]);
        Assert.Equal((2026, 2028), (settings.BaseYear, settings.HorizonYear));
        Assert.Equal(0.18, Published["reserve_margin"]);
        Assert.Equal(0.25, inputs.Assumptions["reserve_margin"]);
    }

    [Fact]
    public void Apply_Scenarios_ReplaceInPlaceKeepingTheCitationAndAddNewOnesAfter()
    {
        var request = RecomputeRequest.Empty with
        {
            Scenarios = [Scenario("c", "C, New (2026)", false, (2027, 9)), Scenario("a", null, true, (2026, 5), (2028, 7))],
        };

        var (inputs, _) = RecomputeOverrides.Apply(Inputs(), request);

        const string Replaced = "OVERRIDE: set by a recompute's request in place of the published points.";
        Assert.Equal(
            [new("a", 2026, 5, "A", Replaced), new("a", 2028, 7, "A", Replaced), new("b", 2025, 3, "B"), new ScenarioPoint("c", 2027, 9, "C, New (2026)", "OVERRIDE: a scenario a recompute's request added.")],
            inputs.Scenarios);
        // The request's figures are the operator's, not the publisher's: the gap says so in their years.
        Assert.Equal(["override", "override", "published", "override"], inputs.Scenarios.Select(p => p.Basis));
    }

    [Fact]
    public void Apply_ScenarioOfAllDataCentresReplaced_StaysOneOfAllDataCentres()
    {
        var published = Inputs() with { Scenarios = [new ScenarioPoint("a", 2026, 1, "A", "Published: 10 GW. All data centres, not AI alone.")] };
        var request = RecomputeRequest.Empty with { Scenarios = [Scenario("a", null, true, (2026, 5))] };

        var (inputs, _) = RecomputeOverrides.Apply(published, request);

        var point = Assert.Single(inputs.Scenarios);
        Assert.True(point.IsOverride);
        Assert.Contains(ScenarioPoint.AllDataCentresMarker, point.Notes, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_HorizonBeforeBase_ThrowsGapException()
    {
        var request = RecomputeRequest.Empty with { BaseYear = 2029, HorizonYear = 2027 };

        Assert.Throws<GapException>(() => RecomputeOverrides.Apply(Inputs(), request));
    }

    [Theory]
    [InlineData("load_factor.data_centre", true)]
    [InlineData("us_electricity_consumption_twh.2023", true)]
    [InlineData("reserve_margin", false)]
    public void ChangesDemandConversion_OverriddenName_TrueForLoadFactorsAndConsumption(string name, bool expected)
    {
        var request = RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { [name] = 0.5 } };

        Assert.Equal(expected, RecomputeOverrides.ChangesDemandConversion(request));
    }
}
