namespace AiEnergyPipeline.Gap;

/// <summary>One row of us_vs_china_additions.</summary>
public sealed record CountryComparisonRow(int Year, double? UsaAdditionsGw, double? ChnAdditionsGw);
