namespace AiEnergyPipeline.Gap;

/// <summary>The columns of a generators row that the gap model uses.</summary>
public sealed record GeneratorUnit(
    string Sheet,
    string BalancingAuthorityCode,
    string AccreditationClass,
    string Status,
    double NameplateMw,
    int? PlannedOperationYear,
    int? PlannedRetirementYear);
