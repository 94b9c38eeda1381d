namespace AiEnergyPipeline.Gap;

/// <summary>A balancing authority's peak demand in a year, with how much of the year it covers.</summary>
public sealed record AnnualPeak(string BalancingAuthorityCode, int Year, double PeakDemandMw, double CoverageRatio);
