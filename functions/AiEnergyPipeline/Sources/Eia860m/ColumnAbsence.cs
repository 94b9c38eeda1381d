namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>One period in which an EIA-860M sheet had no column of a name, and the column read instead, if any.</summary>
public sealed record ColumnAbsence(string Sheet, string Column, string AbsentThrough, string? StandIn, string Source);
