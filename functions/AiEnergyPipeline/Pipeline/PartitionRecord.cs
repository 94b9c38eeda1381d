using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline;

/// <summary>How a partition ended in one plan, and the file it was made from: what completing the plan reads.</summary>
public sealed record PartitionRecord(
    string PlanId,
    string Source,
    string Partition,
    string FileName,
    PartitionStatus Status,
    FetchState? Fetched,
    long RowsIn,
    long RowsOut,
    long RowsQuarantined,
    string? Error,
    DateTimeOffset FinishedAtUtc);
