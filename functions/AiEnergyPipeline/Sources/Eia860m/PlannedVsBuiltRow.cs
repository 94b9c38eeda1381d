namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>One row of planned_vs_built_by_year.</summary>
public sealed record PlannedVsBuiltRow(int Year, string AccreditationClass, double PlannedGw, double? BuiltGw, string PlannedVintage, string BuiltVintage, bool YearComplete);
