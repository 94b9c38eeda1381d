namespace AiEnergyPipeline.Publish;

/// <summary>
/// One source's record in <see cref="SourceHistory"/>: its last success, its last failure and why,
/// and the ingests it has failed since it last succeeded.
/// </summary>
/// <param name="FailedRunStarts">
/// When each ingest the source failed since its last success started (the newest
/// <see cref="SourceHistory.MaxFailuresKept"/>): a set, so a report applied twice counts once and
/// reports applied in any order give the same count.
/// </param>
/// <param name="LastSuccessStartedAt">When the ingest of the last success started: failures of ingests started before it do not count.</param>
public sealed record SourceHistoryEntry(
    string Name,
    IReadOnlyList<DateTimeOffset> FailedRunStarts,
    DateTimeOffset? LastSuccessStartedAt = null,
    DateTimeOffset? LastSuccessAt = null,
    string? LastSuccessRunId = null,
    DateTimeOffset? LastFailureAt = null,
    string? LastFailureRunId = null,
    string? LastError = null)
{
    /// <summary>How many ingests in a row, up to the newest, the source has failed.</summary>
    public int ConsecutiveFailures => FailedRunStarts.Count;
}
