namespace AiEnergyPipeline.Normalise;

/// <summary>The sheets of an EIA-860M workbook that hold US generators, and what each implies.</summary>
public sealed record GeneratorSheet(string Name, string WorkbookName, string? DefaultStatus, params string[] WorkbookAliases)
{
    public static GeneratorSheet Operating { get; } = new("operating", "Operating", null);
    public static GeneratorSheet Planned { get; } = new("planned", "Planned", null);
    public static GeneratorSheet Retired { get; } = new("retired", "Retired", "RE");
    public static GeneratorSheet Canceled { get; } = new("canceled", "Canceled or Postponed", "CN", "Cancelled or Postponed");

    /// <summary>In the order they are read: on a duplicate key the earlier sheet's row is kept.</summary>
    public static IReadOnlyList<GeneratorSheet> All { get; } = [Operating, Planned, Retired, Canceled];
}

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
