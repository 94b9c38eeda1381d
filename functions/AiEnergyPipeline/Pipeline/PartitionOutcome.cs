using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline;

/// <summary>How one partition ended: whether it was reused unchanged, fetched and normalised, or failed (with the cause, secrets removed).</summary>
public sealed record PartitionOutcome(PartitionKey Partition, PartitionStatus Status, long RowsOut, string? Error);
