using AiEnergyPipeline.Publish;
using System.Text.Json.Serialization;

namespace AiEnergyPipeline.Datasets;

/// <summary>
/// The answer of GET /api/health: <c>ok</c> (200), or <c>degraded</c> (503) with <see cref="Reasons"/>.
/// The latest run's id, publication and age; how fresh the data is; each source's last success and
/// failure; the last ingest; and whether the latest run is a sample.
/// </summary>
/// <param name="FreshAsOf">When the data was last known current: the latest run's publication, or later an ingest that found the same inputs.</param>
/// <param name="DataAge">How long ago <paramref name="FreshAsOf"/> was, against <paramref name="MaxDataAge"/>.</param>
/// <param name="HistoryProblem">What is wrong with the source history, if anything: read as empty until the next ingest replaces it.</param>
public sealed record HealthReport(
    string Status,
    DateTimeOffset CheckedAt,
    string? LatestRunId,
    DateTimeOffset? LatestPublishedAt,
    TimeSpan? LatestAge,
    DateTimeOffset? FreshAsOf,
    TimeSpan? DataAge,
    TimeSpan MaxDataAge,
    int MaxConsecutiveFailures,
    string? Mode,
    bool Sample,
    string? LatestProblem,
    string? LastIngestRunId,
    RunStatus? LastIngestStatus,
    DateTimeOffset? LastIngestFinishedAt,
    IReadOnlyList<SourceHealth> Sources,
    IReadOnlyList<HealthReason> Reasons,
    string? HistoryProblem = null)
{
    public const string Ok = "ok";
    public const string Degraded = "degraded";

    /// <summary>The build answering (<see cref="Publish.CodeVersion"/>): which code a deployment runs, beside the code_version its runs record.</summary>
    public string CodeVersion => Publish.CodeVersion.Current;

    /// <summary>200 or 503: the status code says it, and <see cref="Status"/>; not a field of its own.</summary>
    [JsonIgnore]
    public bool Healthy => Reasons.Count == 0;
}
