namespace AiEnergyPipeline.Gap;

/// <summary>One point of a demand scenario: its firm AI load in a year, with the notes demand_scenarios gives it.</summary>
public sealed record ScenarioPoint(string ScenarioId, int Year, double AiLoadGw, string Source, string Notes = "")
{
    /// <summary>The words with which demand_scenarios' notes mark a figure of this project's, not the publisher's.</summary>
    public const string AssumptionMarker = "ASSUMPTION";

    /// <summary>The words with which demand_scenarios' notes mark a scenario of all data centres' load, not AI's alone.</summary>
    public const string AllDataCentresMarker = "All data centres, not AI alone";

    /// <summary>Whether the value is this project's assumption (notes beginning ASSUMPTION), not a published figure.</summary>
    public bool IsAssumption => Notes.StartsWith(AssumptionMarker, StringComparison.Ordinal);
}
