namespace AiEnergyPipeline.Pipeline;

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
