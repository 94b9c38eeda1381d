using AiEnergyPipeline.Sources.Curated;

namespace AiEnergyPipeline.Gap;

/// <summary>One row of additions_by_year_technology, in MW, rounded to 6 decimals.</summary>
/// <param name="FirmChangeMw">The row's part of the gap's firm additions: weighted planned units and queue projects, plus units built, minus retirements planned and made, all accredited.</param>
public sealed record AdditionsRow(
    int Year,
    string AccreditationClass,
    double PlannedNameplateMw,
    double AccreditedMw,
    double WeightedAccreditedMw,
    double RetiringNameplateMw,
    string Basis = WeightBasis.Assumption,
    double BuiltNameplateMw = 0,
    double RetiredNameplateMw = 0,
    double FirmChangeMw = 0);
