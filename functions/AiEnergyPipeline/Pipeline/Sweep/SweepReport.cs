namespace AiEnergyPipeline.Pipeline.Sweep;

/// <summary>
/// sweeps/{sweepId}.json: what one sweep removed and why, the complete runs it kept and why, and
/// what it could not remove (the next sweep tries again).
/// </summary>
public sealed record SweepReport(
    string SweepId,
    string Trigger,
    bool DryRun,
    string Store,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<SweptItem> Removed,
    IReadOnlyList<KeptRun> KeptRuns,
    IReadOnlyList<string> Errors)
{
    public long BytesRemoved => Removed.Sum(r => r.Bytes);
}
