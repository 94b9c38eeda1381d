namespace AiEnergyPipeline.Gap;

/// <summary>
/// Each region's share of the summed peaks, the year most of them come from, a note saying which
/// years were used, and the regions whose share rests on an authority without a complete year
/// (their regional AI demand is published empty).
/// </summary>
public sealed record PeakShareResult(IReadOnlyDictionary<string, double> ByRegion, int? Year, string? Note)
{
    public IReadOnlySet<string> PartialRegions { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The region's share, or null when it has no peaks or its share rests on a partial year.</summary>
    public double? CompleteShareOf(string region) =>
        ByRegion.TryGetValue(region, out var share) && !PartialRegions.Contains(region) ? share : null;
}
