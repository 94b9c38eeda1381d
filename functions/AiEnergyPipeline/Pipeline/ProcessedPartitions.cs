using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// What a plan's partitions left for its completion: the cached summaries of those that ended
/// well, a report per partition, and per partitioned source its report and its input files (its
/// list and each partition's file).
/// </summary>
public sealed record ProcessedPartitions(
    IReadOnlyList<PartitionSummary> Summaries,
    IReadOnlyList<PartitionReport> Reports,
    IReadOnlyDictionary<string, SourceReport> Sources,
    IReadOnlyDictionary<string, IReadOnlyList<FetchedFile>> Files);
