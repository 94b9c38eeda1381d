using AiEnergyPipeline.Sources.Curated;

namespace AiEnergyPipeline.Gap;

/// <summary>One row of additions_by_year_technology, in MW, rounded to 6 decimals.</summary>
public sealed record AdditionsRow(int Year, string AccreditationClass, double PlannedNameplateMw, double AccreditedMw, double WeightedAccreditedMw, double RetiringNameplateMw, string Basis = WeightBasis.Assumption);
