using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Tables;

/// <summary>
/// A finished file waiting in the staging folder to be published as runs/{runId}/{Folder}/{Schema.Name}.{Format}
/// (or, for a part, runs/{runId}/{Folder}/{Schema.Name}/{Part}.{Format}).
/// Tables are CSV, each published with a Parquet sibling of the same schema (<see cref="ParquetSiblings"/>);
/// a JSON or SVG output has a schema without fields and 0 rows.
/// </summary>
/// <param name="StorePath">
/// Where the file already is in the store (a cached partition, a table of the run a recompute
/// derives from): published by a copy inside the store, never through this instance. Its
/// <see cref="LocalPath"/> is then empty.
/// </param>
public sealed record StagedTable(TableSchema Schema, string LocalPath, string Format, long Rows, long Bytes, string Sha256, string Folder = StagedTable.DataFolder, string? Part = null, string? StorePath = null)
{
    /// <summary>The folder of the normalised tables.</summary>
    public const string DataFolder = "data";

    /// <summary>The format of a table's Parquet sibling (see <see cref="ParquetSiblings"/>).</summary>
    public const string ParquetFormat = "parquet";

    public bool IsTable => Format == "csv";

    /// <summary>What this file was computed from, where more precise than its schema's <see cref="TableSchema.Sources"/> (a part made from one file); null: those.</summary>
    public IReadOnlyList<TableInput>? Inputs { get; init; }

    /// <summary>What this file was computed from: its own <see cref="Inputs"/>, else every file of its schema's sources.</summary>
    public IReadOnlyList<TableInput> InputsOrSources => Inputs ?? [.. Schema.Sources.Select(s => new TableInput(s))];

    /// <summary>A table's data with rows and a schema: its CSV, or that CSV's Parquet sibling.</summary>
    public bool HasRows => Format is "csv" or ParquetFormat;

    /// <summary>
    /// The resource name in the data package, unique within a run: the table's name, {table}_{part}
    /// for a part, and ".parquet" after either for a Parquet sibling (dataset names never hold a '.').
    /// </summary>
    public string ResourceName => (Part is null ? Schema.Name : $"{Schema.Name}_{Part}") + (Format == ParquetFormat ? "." + ParquetFormat : "");

    /// <summary>The path relative to the run folder, as the data package and latest.json give it.</summary>
    public string RelativePath => Part is null ? $"{Folder}/{Schema.Name}.{Format}" : $"{Folder}/{Schema.Name}/{Part}.{Format}";

    /// <summary>Measures a finished non-tabular file (JSON, SVG) for the data package.</summary>
    public static async Task<StagedTable> OfFileAsync(TableSchema schema, string localPath, string format, string folder, CancellationToken cancellationToken)
    {
        var (sha256, bytes) = await Hashing.Sha256OfFileAsync(localPath, cancellationToken);
        return new StagedTable(schema, localPath, format, 0, bytes, sha256, folder);
    }
}
