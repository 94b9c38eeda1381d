namespace AiEnergyPipeline.Gap;

/// <summary>One published point of a demand scenario: its firm AI load in a year.</summary>
public sealed record ScenarioPoint(string ScenarioId, int Year, double AiLoadGw, string Source);
