using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Publish;

/// <summary>runs/{runId}/report.json: what ran, per source, and how it ended.</summary>
public sealed record RunReport(
    string RunId,
    RunStatus Status,
    string Trigger,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    long DurationMs,
    string? Message,
    IReadOnlyList<SourceReport> Sources,
    IReadOnlyList<TableReport> Tables,
    long QuarantinedRows,
    IReadOnlyList<PartitionReport>? Partitions = null,
    string? Mode = null,
    string? CodeVersion = null)
{
    /// <summary>Whether the run is made from sample files (<see cref="RunMode.Sample"/>): its numbers are not real.</summary>
    public bool Sample => Mode == RunMode.Sample;
}
