namespace AiEnergyPipeline.Gap;

/// <summary>The columns of a generators row that the gap model uses (state and plant id: to match queue projects to planned units).</summary>
public sealed record GeneratorUnit(
    string Sheet,
    string BalancingAuthorityCode,
    string AccreditationClass,
    string Status,
    double NameplateMw,
    int? PlannedOperationYear,
    int? PlannedRetirementYear,
    string State = "",
    long? PlantId = null);
