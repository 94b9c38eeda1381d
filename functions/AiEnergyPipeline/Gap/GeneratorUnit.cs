namespace AiEnergyPipeline.Gap;

/// <summary>
/// The columns of a generators row that the gap model uses (state and plant id: to match queue
/// projects to planned units; the operating and retirement years: units built or retired after the
/// base year, which EIA-860M's newest vintage no longer lists as planned).
/// </summary>
public sealed record GeneratorUnit(
    string Sheet,
    string BalancingAuthorityCode,
    string AccreditationClass,
    string Status,
    double NameplateMw,
    int? PlannedOperationYear,
    int? PlannedRetirementYear,
    string State = "",
    long? PlantId = null,
    int? OperatingYear = null,
    int? RetirementYear = null);
