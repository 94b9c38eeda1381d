using AiEnergyPipeline.Sources.Curated;

namespace AiEnergyPipeline.Gap;

/// <summary>How other load growth was found.</summary>
public static class GrowthBasis
{
    public const string Trend = "trend";
    public const string Assumption = "assumption";
}
