namespace AiEnergyPipeline.Gap;

/// <summary>A balancing authority's EIA-930 region.</summary>
public sealed record BalancingAuthorityRegion(string BalancingAuthorityCode, string BalancingAuthorityName, string RegionCode, string RegionName);
