namespace AiEnergyPipeline.Pipeline;

/// <summary>One unit of ingest work that can run on any instance: one source file, such as one EIA-930 BALANCE half-year.</summary>
/// <param name="Source">The source that fetches it, such as eia930_bulk.</param>
/// <param name="Name">The partition within the source, such as 2024_H1; safe as a path segment ([a-z0-9_-]).</param>
public sealed record PartitionKey(string Source, string Name)
{
    public override string ToString() => $"{Source}/{Name}";
}

/// <summary>What one ingest run will do, decided up front so that its partitions can be processed anywhere, in any order.</summary>
/// <param name="PlanId">Unique per run attempt, sortable by time; names the work folder in the store.</param>
/// <param name="Failure">
/// Set when a partitioned source's list could not be read: the plan then has no partitions, and its
/// completion fails the run with a report naming the source, wherever it runs.
/// </param>
public sealed record IngestPlan(string PlanId, string Trigger, DateTimeOffset CreatedAtUtc, IReadOnlyList<PartitionKey> Partitions, PlanFailure? Failure = null);

/// <summary>Why a plan could not list its partitions: the source and the cause, secrets removed.</summary>
public sealed record PlanFailure(string Source, string Error);

/// <summary>How one partition ended: whether it was reused unchanged, fetched and normalised, or failed (with the cause, secrets removed).</summary>
public sealed record PartitionOutcome(PartitionKey Partition, PartitionStatus Status, long RowsOut, string? Error);

public enum PartitionStatus
{
    /// <summary>Unchanged at the source since it was last normalised: nothing downloaded or parsed again.</summary>
    Reused,

    /// <summary>Fetched and normalised in this run.</summary>
    Normalised,

    Failed,
}

/// <summary>
/// The ingest pipeline split in three steps so that its partitions can fan out across instances
/// (through a storage queue on Azure, in-process in the CLI): plan, process each partition, then
/// complete (the other sources, the combined tables, the gap, publish). Every step keeps its state
/// in the dataset store, never in memory, so each may run on a different instance, and each is
/// safe to run twice (queues deliver at least once).
/// </summary>
public interface IPartitionedIngest
{
    Task<IngestPlan> PlanAsync(string trigger, CancellationToken cancellationToken);

    Task<PartitionOutcome> ProcessPartitionAsync(IngestPlan plan, PartitionKey partition, CancellationToken cancellationToken);

    Task<RunOutcome> CompleteAsync(IngestPlan plan, CancellationToken cancellationToken);
}
