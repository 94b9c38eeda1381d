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
