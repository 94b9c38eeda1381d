namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// A project as queue_changes compares it: what a change can be seen in, and whether its queue was
/// read whole in that run (queue_projects.complete; true for a run published before the column).
/// </summary>
public sealed record QueueSnapshotRow(string Region, string Key, string QueueId, string Status, double? CapacityMw, DateOnly? Proposed, bool Complete = true);
