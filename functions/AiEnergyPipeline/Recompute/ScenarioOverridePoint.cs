using AiEnergyPipeline.Gap;

namespace AiEnergyPipeline.Recompute;

/// <summary>
/// One point of a requested scenario (<see cref="ScenarioOverride.Points"/>): AI load in GW (>= 0)
/// in a year. Not a <see cref="Gap.ScenarioPoint"/>: the scenario's id and citation are the
/// override's, and its source may be left out to keep the published one, so a point cannot carry
/// them until the request is applied (<see cref="RecomputeOverrides"/>).
/// </summary>
public sealed record ScenarioOverridePoint(int Year, double AiLoadGw);
