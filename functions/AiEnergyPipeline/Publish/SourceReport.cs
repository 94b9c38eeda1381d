using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Publish;

/// <summary>How one source ended in a run: its status, files, counts, error, notes, and the files it went without (status partial).</summary>
public sealed record SourceReport(
    string Name,
    SourceStatus Status,
    long DurationMs,
    IReadOnlyList<FileReport> Files,
    long RowsIn,
    long RowsOut,
    long RowsSuperseded,
    long RowsQuarantined,
    string? Error,
    IReadOnlyList<string>? Notes = null,
    IReadOnlyList<FileFailure>? FailedFiles = null);
