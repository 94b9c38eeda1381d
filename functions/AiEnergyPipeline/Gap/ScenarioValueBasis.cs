namespace AiEnergyPipeline.Gap;

/// <summary>How a scenario's value in a year was found.</summary>
public static class ScenarioValueBasis
{
    public const string Published = "published";

    /// <summary>A point this project set where the publisher gives none (its notes begin ASSUMPTION).</summary>
    public const string Assumption = "assumption";

    /// <summary>A point a recompute's request set (its own figure, or in place of the publisher's): the operator's, not the publisher's.</summary>
    public const string Override = "override";
    public const string Interpolated = "interpolated";
    public const string ExtrapolatedFlat = "extrapolated_flat";
}
