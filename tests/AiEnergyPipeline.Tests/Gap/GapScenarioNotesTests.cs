using AiEnergyPipeline.Gap;

namespace AiEnergyPipeline.Tests.Gap;

/// <summary>A scenario's own assumptions, its flat years and its scope are said, not passed off as published AI figures.</summary>
public class GapScenarioNotesTests
{
    private const string Source = "Publisher, A Title (2025)";

    [Fact]
    public void Compute_PointTheNotesMarkAsAnAssumption_IsLabelledAssumptionAndTheNotesSaySoOfTheBase()
    {
        List<ScenarioPoint> points = [new("s1", 2025, 0, Source, "ASSUMPTION (this project, not published): no starting point"), new("s1", 2027, 10, Source, "Published: 10 GW")];

        var result = GapModel.Compute(GapTestData.Inputs(points), GapTestData.Settings());

        Assert.Equal([ScenarioValueBasis.Assumption, ScenarioValueBasis.Interpolated, ScenarioValueBasis.Published, ScenarioValueBasis.ExtrapolatedFlat], result.ByYear.Select(r => r.AiDemandBasis));
        Assert.Contains("scenario s1's value in base year 2025 (0 GW) is this project's assumption, not published: every year's ai_demand_gw counts from it", result.Notes);
    }

    [Fact]
    public void Compute_ScenarioEndingBeforeTheHorizon_TheNotesSayItIsHeldFlat()
    {
        var result = GapModel.Compute(GapTestData.Inputs(), GapTestData.Settings());

        Assert.Contains("scenario s1 has no point after 2027: its AI demand is held flat from there to 2028 (extrapolated_flat), so its later gaps assume no AI growth after 2027", result.Notes);
    }

    [Fact]
    public void Compute_ScenarioReachingTheHorizon_NoFlatNote()
    {
        List<ScenarioPoint> points = [new("s1", 2025, 0, Source), new("s1", 2028, 10, Source)];

        var result = GapModel.Compute(GapTestData.Inputs(points), GapTestData.Settings());

        Assert.DoesNotContain(result.Notes, n => n.Contains("held flat", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Notes, n => n.Contains("this project's assumption", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Published: data-centre load. All data centres, not AI alone.", "short of data-centre and other load growth by 2028.")]
    [InlineData("Published: the AI sector's need.", "short of AI and other load growth by 2028.")]
    public void Compute_Headline_SaysDataCentreLoadForAScenarioOfAllDataCentres(string notes, string ending)
    {
        List<ScenarioPoint> points = [new("s1", 2025, 0, Source, notes), new("s1", 2028, 10, Source, notes)];

        var result = GapModel.Compute(GapTestData.Inputs(points), GapTestData.Settings());

        Assert.EndsWith(ending, result.Headlines.Single().Headline, StringComparison.Ordinal);
    }
}
