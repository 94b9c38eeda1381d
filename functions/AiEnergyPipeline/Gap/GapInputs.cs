namespace AiEnergyPipeline.Gap;

/// <summary>One published point of a demand scenario: its firm AI load in a year.</summary>
public sealed record ScenarioPoint(string ScenarioId, int Year, double AiLoadGw, string Source);

/// <summary>The columns of a generators row that the gap model uses.</summary>
public sealed record GeneratorUnit(
    string Sheet,
    string BalancingAuthorityCode,
    string AccreditationClass,
    string Status,
    double NameplateMw,
    int? PlannedOperationYear,
    int? PlannedRetirementYear);

/// <summary>A balancing authority's peak demand in a year, with how much of the year it covers.</summary>
public sealed record AnnualPeak(string BalancingAuthorityCode, int Year, double PeakDemandMw, double CoverageRatio);

/// <summary>
/// A country's net capacity additions (fuel total) in a year; null where Ember gives none.
/// Complete is false where the year's single fuels leave a group unreported, and MissingGroups
/// names those groups (country_capacity's complete column and its single-fuel rows).
/// </summary>
public sealed record CountryAdditions(string Iso3, int Year, double? AdditionsGw, bool Complete = true, IReadOnlyList<string>? MissingGroups = null);

/// <summary>A balancing authority's EIA-930 region.</summary>
public sealed record BalancingAuthorityRegion(string BalancingAuthorityCode, string BalancingAuthorityName, string RegionCode, string RegionName);

/// <summary>Everything the gap model reads: rows of the normalised tables and the curated region mapping.</summary>
public sealed record GapInputs(
    IReadOnlyList<ScenarioPoint> Scenarios,
    IReadOnlyDictionary<string, double> Assumptions,
    IReadOnlyList<GeneratorUnit> Generators,
    IReadOnlyList<AnnualPeak> Peaks,
    IReadOnlyList<CountryAdditions> Countries,
    IReadOnlyList<BalancingAuthorityRegion> Regions)
{
    /// <summary>
    /// The assumptions measured from history (notes beginning MEASURED), such as completion_weight.U,
    /// with their measured values as published: a recompute's override replaces the value in
    /// <see cref="Assumptions"/>, never here, so an overridden weight is told from a measured one.
    /// </summary>
    public IReadOnlyDictionary<string, double> Measured { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);
}
