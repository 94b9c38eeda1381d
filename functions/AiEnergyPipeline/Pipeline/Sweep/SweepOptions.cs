namespace AiEnergyPipeline.Pipeline.Sweep;

/// <summary>
/// Settings of the sweep (section <c>Sweep</c>): how old litter must be before it is removed,
/// and how many complete runs are kept. Every age errs long: a run in progress must never look
/// like litter, and a run takes minutes, not hours.
/// </summary>
public sealed class SweepOptions
{
    public const string Section = "Sweep";

    /// <summary>Sweep at the start of every ingest and recompute (the daily timer sweeps regardless).</summary>
    public bool AtRunStart { get; set; } = true;

    /// <summary>A folder under Pipeline:WorkDirectory untouched for this long belongs to a run that died.</summary>
    public TimeSpan WorkFolderAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A runs/{id}/ folder without datapackage.json, untouched and started this long ago, is a run that died while publishing.</summary>
    public TimeSpan HalfRunAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A *.tmp file or blob (half a write), or a body buffered by the HTTP retry handler, untouched this long.</summary>
    public TimeSpan TempFileAge { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A fanned-out plan's work/{plan}/ folder (and a timer occurrence's claim) expires this long after
    /// it was created, as do partitions' records in a plan; partitions cached by another partition version
    /// go this long after their last write.
    /// </summary>
    public TimeSpan PlanExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long the report of a failed run (runs/{id}/report.json alone) and a sweep's report are kept.</summary>
    public TimeSpan ReportAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Complete runs kept whatever their age: the newest ones, by start time. At least 1.</summary>
    public int KeepLatestRuns { get; set; } = 10;

    /// <summary>Also keep the last complete run of every calendar month (UTC), forever: a monthly history.</summary>
    public bool KeepMonthlyRuns { get; set; } = true;

    /// <summary>Why these settings cannot be used, or null when they can.</summary>
    public string? Problem() =>
        KeepLatestRuns < 1 ? $"Sweep:KeepLatestRuns is {KeepLatestRuns}; at least 1 run (the latest) is always kept."
        : new[] { (nameof(WorkFolderAge), WorkFolderAge), (nameof(HalfRunAge), HalfRunAge), (nameof(TempFileAge), TempFileAge), (nameof(PlanExpiry), PlanExpiry), (nameof(ReportAge), ReportAge) }
            .FirstOrDefault(p => p.Item2 < TimeSpan.FromMinutes(10)) is { Item1: not null } tooShort
            ? $"Sweep:{tooShort.Item1} is {tooShort.Item2}; at least 00:10:00, so that nothing a run is still writing looks abandoned."
        : null;
}
