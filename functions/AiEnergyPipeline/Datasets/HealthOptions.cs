namespace AiEnergyPipeline.Datasets;

/// <summary>
/// Settings of GET /api/health (section <c>Health</c>): when the published data counts as stale,
/// and how many failed ingests in a row a source may have before the app answers 503.
/// </summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// Older than this, the latest run is stale. 36 hours: the timer runs daily, so one missed or
    /// failed day passes (a live run takes hours at most) and a second one does not.
    /// </summary>
    public TimeSpan MaxDataAge { get; set; } = TimeSpan.FromHours(36);

    /// <summary>
    /// A source that has failed more ingests in a row than this makes the app unhealthy. 3: a
    /// source's site can be down for a day or two; four daily failures is a change to look at.
    /// </summary>
    public int MaxConsecutiveFailures { get; set; } = 3;
}
