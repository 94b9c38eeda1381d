namespace AiEnergyPipeline.Gap;

/// <summary>How a scenario's value in a year was found.</summary>
public static class ScenarioValueBasis
{
    public const string Published = "published";
    public const string Interpolated = "interpolated";
    public const string ExtrapolatedFlat = "extrapolated_flat";
}
