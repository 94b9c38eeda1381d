namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>What generator_changes tracks of a generator: a change to any of it starts a new stretch.</summary>
public sealed record GeneratorState(
    string Sheet,
    string Status,
    string PlannedOperationMonth,
    string OperatingMonth,
    double NameplateMw,
    double? NetSummerMw,
    string Technology,
    string AccreditationClass,
    string BalancingAuthorityCode,
    string State);
