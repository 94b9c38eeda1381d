using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Gap;

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
