namespace AiEnergyPipeline.Recompute;

/// <summary>
/// A valid <c>POST /api/recompute</c> body (or <c>aienergy recompute --assumptions FILE</c>):
/// what to change before the gap model is computed again. Every part is optional; an empty
/// request recomputes with the published assumptions and scenarios.
/// </summary>
/// <param name="Assumptions">Overridden assumption values by published name (each name known, each value in its unit's range).</param>
/// <param name="Scenarios">Scenarios to add, or to replace when the id is published, in request order.</param>
/// <param name="BaseYear">
/// The base year to use, from <c>base_year</c> or, when only that is given,
/// <c>assumptions.base_year</c> (the two must agree when both are given); null keeps the published one.
/// </param>
/// <param name="HorizonYear">The horizon year to use, from <c>horizon_year</c> or <c>assumptions.horizon_year</c>; null keeps the published one.</param>
public sealed record RecomputeRequest(
    IReadOnlyDictionary<string, double> Assumptions,
    IReadOnlyList<ScenarioOverride> Scenarios,
    int? BaseYear,
    int? HorizonYear)
{
    /// <summary>Recompute with everything as published.</summary>
    public static RecomputeRequest Empty { get; } = new(System.Collections.ObjectModel.ReadOnlyDictionary<string, double>.Empty, [], null, null);

    /// <summary>True when the request changes nothing.</summary>
    public bool IsEmpty => Assumptions.Count == 0 && Scenarios.Count == 0 && BaseYear is null && HorizonYear is null;
}

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
    IReadOnlyList<ScenarioPoint> Points,
    bool ReplacesPublished);

/// <summary>One point of a requested scenario: AI load in GW (>= 0) in a year.</summary>
public sealed record ScenarioPoint(int Year, double AiLoadGw);
