namespace AiEnergyPipeline.Sources.Curated;

/// <summary>One row of the assumptions table, with the line it came from.</summary>
public sealed record Assumption(string Name, double Value, string Unit, string Source, string Url, string Notes, long Line);
