namespace AiEnergyPipeline.Publish;

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
    IReadOnlyList<string>? Notes = null);
