namespace AiEnergyPipeline.Sources.Queues;

/// <summary>A project as queue_changes compares it: what a change can be seen in.</summary>
public sealed record QueueSnapshotRow(string Region, string Key, string QueueId, string Status, double? CapacityMw, DateOnly? Proposed);
