namespace AiEnergyPipeline.Datasets;

/// <summary>One source in GET /api/health: <c>ok</c>, or <c>failing</c> past the allowed failures in a row.</summary>
public sealed record SourceHealth(
    string Name,
    string Status,
    int ConsecutiveFailures,
    DateTimeOffset? LastSuccessAt,
    string? LastSuccessRunId,
    DateTimeOffset? LastFailureAt,
    string? LastFailureRunId,
    string? LastError);
