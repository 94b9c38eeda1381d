namespace AiEnergyPipeline.Gap;

/// <summary>One row of gap_by_year (Region null) or gap_by_region; values rounded to 6 decimals.</summary>
public sealed record GapRow(
    string ScenarioId,
    string? Region,
    int Year,
    double AiDemandGw,
    string AiDemandBasis,
    double OtherLoadGrowthGw,
    string OtherLoadGrowthBasis,
    double ReserveMargin,
    double FirmAdditionsGw,
    double GapGw);

/// <summary>One row of additions_by_year_technology, in MW, rounded to 6 decimals.</summary>
public sealed record AdditionsRow(int Year, string AccreditationClass, double PlannedNameplateMw, double AccreditedMw, double WeightedAccreditedMw, double RetiringNameplateMw, string Basis = WeightBasis.Assumption);

/// <summary>Where the completion weights of an additions row came from.</summary>
public static class WeightBasis
{
    public const string Measured = "measured";
    public const string Assumption = "assumption";
    public const string Mixed = "mixed";
}

/// <summary>One row of us_vs_china_additions.</summary>
public sealed record CountryComparisonRow(int Year, double? UsaAdditionsGw, double? ChnAdditionsGw);

/// <summary>A scenario's headline: the 2028 gap (when within the years), the horizon gap and a sentence.</summary>
public sealed record ScenarioHeadline(string ScenarioId, string Source, double? GapGw2028, int HorizonYear, double GapGwHorizon, string Headline);

/// <summary>
/// Everything the model computes, in the order it is written, and notes (logged, and published in
/// headline.json). <see cref="PeakShareYear"/> is the ba_annual year the regional shares come from
/// (most balancing authorities' latest complete year); null without peaks.
/// </summary>
public sealed record GapResult(
    GapSettings Settings,
    IReadOnlyList<GapRow> ByYear,
    IReadOnlyList<GapRow> ByRegion,
    IReadOnlyList<AdditionsRow> Additions,
    IReadOnlyList<CountryComparisonRow> UsVsChina,
    IReadOnlyList<ScenarioHeadline> Headlines,
    IReadOnlyList<string> Notes,
    int? PeakShareYear = null);
