namespace AiEnergyPipeline.Gap;

/// <summary>
/// What the queue supply tail reads from a run: its active queue projects with a proposed year, the
/// completion rates, the queues read only in part (queue_projects complete false), and why there are
/// no queue tables at all (<see cref="Missing"/>, null when there are).
/// </summary>
public sealed record QueueTailInputs(
    IReadOnlyList<QueueTailProject> Projects,
    IReadOnlyList<QueueTailRate> Rates,
    IReadOnlyList<string> IncompleteRegions,
    string? Missing = null)
{
    /// <summary>
    /// These inputs with the queues a file of which failed in the run (report.json's failed_files of
    /// queues, by what each lacks) among the incomplete ones: a queue whose every file failed has no
    /// row to say it is incomplete.
    /// </summary>
    public QueueTailInputs WithQueuesNotRead(IEnumerable<string> queues) =>
        this with { IncompleteRegions = [.. IncompleteRegions.Concat(queues).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] };

    /// <summary>No queue tables: the tail cannot be added, for the reason given.</summary>
    public static QueueTailInputs Without(string reason) => new([], [], [], reason);
}
