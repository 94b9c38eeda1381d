namespace AiEnergyPipeline.Datasets;

/// <summary>Why GET /api/health answers 503: a stable <paramref name="Code"/> for monitors, the source it concerns, and a sentence for people.</summary>
public sealed record HealthReason(string Code, string Message, string? Source = null)
{
    public const string NothingPublished = "nothing_published";
    public const string LatestDamaged = "latest_damaged";
    public const string StaleData = "stale_data";
    public const string SourceFailing = "source_failing";
}
