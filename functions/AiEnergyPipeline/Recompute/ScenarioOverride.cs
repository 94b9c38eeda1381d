namespace AiEnergyPipeline.Recompute;

/// <summary>
/// A scenario given in a recompute request. Its points are AI load in GW by year, sorted by year.
/// </summary>
/// <param name="ScenarioId">snake_case id, <c>^[a-z][a-z0-9_]{0,63}$</c>.</param>
/// <param name="Source">Who published the figures; null only when replacing a published scenario (keep its citation).</param>
/// <param name="Url">Absolute http or https URL of the source; null only when replacing a published scenario.</param>
/// <param name="Points">At least one point, years unique and sorted.</param>
/// <param name="ReplacesPublished">True when <paramref name="ScenarioId"/> names a published scenario, whose points this replaces.</param>
public sealed record ScenarioOverride(
    string ScenarioId,
    string? Source,
    string? Url,
    IReadOnlyList<ScenarioOverridePoint> Points,
    bool ReplacesPublished);
