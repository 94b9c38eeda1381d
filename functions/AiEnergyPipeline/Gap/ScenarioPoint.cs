namespace AiEnergyPipeline.Gap;

/// <summary>One point of a demand scenario: its firm AI load in a year, with the notes demand_scenarios gives it.</summary>
public sealed record ScenarioPoint(string ScenarioId, int Year, double AiLoadGw, string Source, string Notes = "")
{
    /// <summary>The words with which demand_scenarios' notes mark a figure of this project's, not the publisher's.</summary>
    public const string AssumptionMarker = "ASSUMPTION";

    /// <summary>The words with which demand_scenarios' notes mark a scenario of all data centres' load, not AI's alone.</summary>
    public const string AllDataCentresMarker = "All data centres, not AI alone";

    /// <summary>The words with which a point a recompute's request set begins its notes: the operator's figure, neither the publisher's nor this project's.</summary>
    public const string OverrideMarker = "OVERRIDE";

    /// <summary>Whether the value is this project's assumption (notes beginning ASSUMPTION), not a published figure.</summary>
    public bool IsAssumption => Notes.StartsWith(AssumptionMarker, StringComparison.Ordinal);

    /// <summary>Whether a recompute's request set the value (notes beginning OVERRIDE).</summary>
    public bool IsOverride => Notes.StartsWith(OverrideMarker, StringComparison.Ordinal);

    /// <summary>How the value was found: <see cref="ScenarioValueBasis.Override"/>, <see cref="ScenarioValueBasis.Assumption"/> or <see cref="ScenarioValueBasis.Published"/>.</summary>
    public string Basis => IsOverride ? ScenarioValueBasis.Override : IsAssumption ? ScenarioValueBasis.Assumption : ScenarioValueBasis.Published;
}
