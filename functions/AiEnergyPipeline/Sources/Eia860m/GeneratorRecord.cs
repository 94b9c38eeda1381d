namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>One generator as read from one row of an EIA-860M sheet. Months are "yyyy-MM" or empty.</summary>
public sealed record GeneratorRecord(
    string ReportMonth,
    GeneratorSheet Sheet,
    int Row,
    long PlantId,
    string GeneratorId,
    string PlantName,
    string State,
    string County,
    string BalancingAuthorityCode,
    string Sector,
    string Technology,
    string EnergySourceCode,
    string PrimeMoverCode,
    string Status,
    double NameplateMw,
    double? NetSummerMw,
    double? NetWinterMw,
    string OperatingMonth,
    string PlannedOperationMonth,
    string PlannedRetirementMonth,
    string RetirementMonth,
    double? Latitude,
    double? Longitude);
