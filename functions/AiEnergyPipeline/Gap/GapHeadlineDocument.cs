using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// gap/headline.json: the run's headline per scenario, the ba_annual year regional shares come
/// from (peak_share_year), and the model's notes: why a figure was left empty, which assumption
/// stood in for missing data. Notes is null only when read from a document written before notes
/// were published.
/// </summary>
/// <param name="Sample">The run is made from sample files written by this project: its numbers are not real, and every headline says so first.</param>
public sealed record GapHeadlineDocument(
    string RunId,
    bool Sample,
    int BaseYear,
    int HorizonYear,
    double ReserveMargin,
    IReadOnlyList<GapHeadlineEntry> Scenarios,
    int? PeakShareYear = null,
    IReadOnlyList<string>? Notes = null);
