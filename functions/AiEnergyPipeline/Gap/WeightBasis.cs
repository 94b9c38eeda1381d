using AiEnergyPipeline.Sources.Curated;

namespace AiEnergyPipeline.Gap;

/// <summary>Where the completion weights of an additions row came from.</summary>
public static class WeightBasis
{
    public const string Measured = "measured";
    public const string Assumption = "assumption";
    public const string Mixed = "mixed";
}
