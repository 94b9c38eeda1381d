namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// One row of queue_changes before it is written, with its place in the table: <paramref name="Phase"/>
/// 0 for a project of this run (in this run's order, <paramref name="Sequence"/>), 1 for a project
/// that left (in the previous run's order); <paramref name="Step"/> orders the changes of one project.
/// Comparing in buckets and merging by this place writes the rows in the order one comparison would.
/// </summary>
public sealed record QueueChange(int Phase, long Sequence, int Step, string Region, string Key, string QueueId, string Change, string From, string To, int? Months);
