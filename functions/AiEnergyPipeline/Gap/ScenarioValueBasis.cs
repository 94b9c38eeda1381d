namespace AiEnergyPipeline.Gap;

/// <summary>How a scenario's value in a year was found.</summary>
public static class ScenarioValueBasis
{
    public const string Published = "published";

    /// <summary>A point this project set where the publisher gives none (its notes begin ASSUMPTION).</summary>
    public const string Assumption = "assumption";
    public const string Interpolated = "interpolated";
    public const string ExtrapolatedFlat = "extrapolated_flat";
}
