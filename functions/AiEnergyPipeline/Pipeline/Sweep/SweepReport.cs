namespace AiEnergyPipeline.Pipeline.Sweep;

/// <summary>What kind of thing the sweep removed (or, in a dry run, would remove).</summary>
public enum SweepKind
{
    /// <summary>A *.tmp file or blob: half a write, left by a crash before it was moved into place.</summary>
    TempFile,

    /// <summary>runs/{id}/ without datapackage.json: a run that died while publishing.</summary>
    HalfRun,

    /// <summary>runs/{id}/ holding only the report of a failed run, past the report age.</summary>
    FailedRunReport,

    /// <summary>A complete run past the retention policy.</summary>
    RetiredRun,

    /// <summary>work/{plan}/ of a fanned-out plan past its expiry.</summary>
    ExpiredPlan,

    /// <summary>work/occurrences/{key}.json of a timer occurrence past the plan expiry.</summary>
    ExpiredOccurrence,

    /// <summary>sweeps/{id}.json of an earlier sweep past the report age.</summary>
    OldSweepReport,

    /// <summary>A folder under Pipeline:WorkDirectory left by a run that died.</summary>
    WorkFolder,

    /// <summary>A response body the HTTP retry handler buffered in the system's temporary folder.</summary>
    BufferedBody,
}

/// <summary>One thing removed: a store path (a folder ends with /) or a local path, with how many objects and bytes, and why.</summary>
public sealed record SweptItem(SweepKind Kind, string Path, string Reason, int Objects, long Bytes);

/// <summary>A complete run the retention policy kept, and why.</summary>
public sealed record KeptRun(string RunId, string Reason);

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
