using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Publish;

/// <summary>latest.json: the newest complete run. Swung last, with an ETag condition.</summary>
public sealed record LatestPointer(
    string RunId,
    DateTimeOffset PublishedAt,
    string DataPackage,
    string InputsSha256,
    IReadOnlyList<LatestTable> Tables);

public sealed record LatestTable(string Name, string Path, string Format, long Rows);

/// <summary>
/// runs/{runId}/datapackage.json, Frictionless-style. A recompute's package also records the run
/// it was derived from, the overrides it applied and the inputs hash of the ingested data.
/// </summary>
public sealed record DataPackage(
    string Profile,
    string Name,
    string Id,
    string Title,
    DateTimeOffset Created,
    string InputsSha256,
    IReadOnlyList<DataResource> Resources,
    IReadOnlyList<DataSource> Sources,
    IReadOnlyList<DataLicence> Licenses,
    string? DerivedFrom = null,
    System.Text.Json.JsonElement? Overrides = null,
    string? BaseInputsSha256 = null)
{
    /// <summary>The hash of the fetched inputs the run's tables come from: its own for an ingest, the ingest's for a recompute.</summary>
    public string SourceInputsSha256 => BaseInputsSha256 ?? InputsSha256;
}

public sealed record DataResource(
    string Name,
    string Path,
    string Format,
    string Mediatype,
    string? Encoding,
    string Title,
    string Description,
    long Bytes,
    string Hash,
    string Sha256,
    long? RowCount,
    ResourceSchema? Schema);

public sealed record ResourceSchema(IReadOnlyList<FieldSchema> Fields, IReadOnlyList<string> PrimaryKey);

public sealed record DataSource(
    string Name,
    string Title,
    string Path,
    string FileName,
    string RawPath,
    DateTimeOffset FetchedAt,
    string Sha256,
    long Bytes,
    string? Etag,
    string? LastModified);

public sealed record DataLicence(string Name, string Title, string Path, string? Attribution = null);

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
    long QuarantinedRows);

public sealed record SourceReport(
    string Name,
    SourceStatus Status,
    long DurationMs,
    IReadOnlyList<FileReport> Files,
    long RowsIn,
    long RowsOut,
    long RowsSuperseded,
    long RowsQuarantined,
    string? Error);

public sealed record FileReport(string FileName, string RawPath, string Sha256, long Bytes, bool AlreadyArchived);

public sealed record TableReport(string Name, string Format, long Rows, long Bytes);

public enum RunStatus
{
    Published,
    Unchanged,
    Failed,
}

public enum SourceStatus
{
    Succeeded,
    Failed,
    NotRun,
}
