namespace AiEnergyPipeline.Gap;

/// <summary>Each region's share of the summed peaks, the year most of them come from, and a note saying which years were used.</summary>
public sealed record PeakShareResult(IReadOnlyDictionary<string, double> ByRegion, int? Year, string? Note);
