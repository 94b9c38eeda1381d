namespace AiEnergyPipeline.Sources.Eia860m;

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
