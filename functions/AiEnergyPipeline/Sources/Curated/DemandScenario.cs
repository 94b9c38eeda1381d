namespace AiEnergyPipeline.Sources.Curated;

/// <summary>
/// One row of demand_scenarios: the figure as published and the capacity it needs.
/// <see cref="LoadFactor"/> is the load factor the conversion used (null for capacity rows).
/// </summary>
public sealed record DemandScenario(
    string ScenarioId,
    int Year,
    double Value,
    string Unit,
    DemandBasis Basis,
    double AiLoadGw,
    double? LoadFactor,
    string Source,
    string Url,
    string Notes,
    long Line);
