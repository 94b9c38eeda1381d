namespace AiEnergyPipeline.Pipeline;

/// <summary>What one ingest run will do, decided up front so that its partitions can be processed anywhere, in any order.</summary>
/// <param name="PlanId">Unique per run attempt, sortable by time; names the work folder in the store.</param>
/// <param name="Failure">
/// Set when a partitioned source's list could not be read: the plan then has no partitions, and its
/// completion fails the run with a report naming the source, wherever it runs.
/// </param>
public sealed record IngestPlan(string PlanId, string Trigger, DateTimeOffset CreatedAtUtc, IReadOnlyList<PartitionKey> Partitions, PlanFailure? Failure = null);
