using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Publish;

/// <summary>One partition of a run (a BALANCE half-year): reused from the cache, normalised in this run, or failed.</summary>
public sealed record PartitionReport(
    string Source,
    string Name,
    string FileName,
    PartitionStatus Status,
    string? Sha256,
    long Bytes,
    long RowsIn,
    long RowsOut,
    long RowsQuarantined,
    string? Error);
