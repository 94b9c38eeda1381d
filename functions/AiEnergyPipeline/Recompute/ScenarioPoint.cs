namespace AiEnergyPipeline.Recompute;

/// <summary>One point of a requested scenario: AI load in GW (>= 0) in a year.</summary>
public sealed record ScenarioPoint(int Year, double AiLoadGw);
