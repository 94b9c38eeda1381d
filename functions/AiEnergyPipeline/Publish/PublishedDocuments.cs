using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Publish;

/// <summary>latest.json: the newest complete run. Swung last, with an ETag condition.</summary>
public sealed record LatestPointer(
    string RunId,
    DateTimeOffset PublishedAt,
    string DataPackage,
    string InputsSha256,
    IReadOnlyList<LatestTable> Tables,
    string? Mode = null)
{
    /// <summary>Whether the run is made from sample files (<see cref="RunMode.Sample"/>): its numbers are not real.</summary>
    public bool Sample => Mode == RunMode.Sample;
}

/// <param name="Part">For a table published in parts (ba_hourly), the part this file holds; its rows are the part's.</param>
public sealed record LatestTable(string Name, string Path, string Format, long Rows, string? Part = null);

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
    string? BaseInputsSha256 = null,
    string? Mode = null)
{
    /// <summary>Whether the run is made from sample files (<see cref="RunMode.Sample"/>): its numbers are not real.</summary>
    public bool Sample => Mode == RunMode.Sample;

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
    ResourceSchema? Schema,
    string? Table = null,
    string? Part = null)
{
    /// <summary>The table the resource belongs to: its table field (parts, Parquet siblings), else its name.</summary>
    public string TableName => Table ?? ResourceNames.TableOf(Name);
}

public sealed record ResourceSchema(IReadOnlyList<FieldSchema> Fields, IReadOnlyList<string> PrimaryKey);

/// <summary>
/// One input file of a run. <see cref="Origin"/> says where its bytes came from: <c>fetched</c> (from
/// <see cref="Path"/>, its URL, at <see cref="FetchedAt"/>), <c>recorded</c> (replayed from a recording of
/// <see cref="Path"/> made at <see cref="RecordedAt"/>), <c>sample</c> (a file written by this project:
/// <see cref="Path"/> is its place in the snapshot, <see cref="SampleOf"/> what it imitates; no fetch
/// time, no validators) or <c>curated</c> (a file of the project's curated folder).
/// </summary>
public sealed record DataSource(
    string Name,
    string Title,
    Fetch.InputOrigin Origin,
    string Path,
    string FileName,
    string RawPath,
    DateTimeOffset? FetchedAt,
    string Sha256,
    long Bytes,
    string? Etag,
    string? LastModified,
    DateTimeOffset? RecordedAt = null,
    Fetch.SampleOf? SampleOf = null);

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
    long QuarantinedRows,
    IReadOnlyList<PartitionReport>? Partitions = null,
    string? Mode = null)
{
    /// <summary>Whether the run is made from sample files (<see cref="RunMode.Sample"/>): its numbers are not real.</summary>
    public bool Sample => Mode == RunMode.Sample;
}

/// <summary>One partition of a run (a BALANCE half-year): reused from the cache, normalised in this run, or failed.</summary>
public sealed record PartitionReport(
    string Source,
    string Name,
    string FileName,
    Pipeline.PartitionStatus Status,
    string? Sha256,
    long Bytes,
    long RowsIn,
    long RowsOut,
    long RowsQuarantined,
    string? Error);

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

public sealed record FileReport(string FileName, string RawPath, string Sha256, long Bytes, bool AlreadyArchived);

/// <param name="Parts">How many parts the table is published in, or null for one file.</param>
public sealed record TableReport(string Name, string Format, long Rows, long Bytes, int? Parts = null)
{
    /// <summary>One row per table and format: the parts of a table are summed.</summary>
    public static IReadOnlyList<TableReport> Of(IEnumerable<StagedTable> tables) =>
        tables.GroupBy(t => (t.Schema.Name, t.Format))
            .Select(g => new TableReport(g.Key.Name, g.Key.Format, g.Sum(t => t.Rows), g.Sum(t => t.Bytes), g.Any(t => t.Part is not null) ? g.Count() : null))
            .ToList();
}

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
