using System.Globalization;
using System.Security.Cryptography;
using CsvHelper;

namespace AiEnergyPipeline.Tables;

/// <summary>
/// Writes one table as CSV to a local staging file, row by row, so that memory does not grow with
/// the table. <see cref="CompleteAsync"/> closes it and measures it for the data package.
/// </summary>
public sealed class TableWriter : IAsyncDisposable
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        TrueValue = "true",
        FalseValue = "false",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly FileStream _file;
    private readonly string _path;
    private bool _completed;

    private TableWriter(TableSchema schema, string path, string folder, string? part = null)
    {
        Schema = schema;
        Folder = folder;
        Part = part;
        _path = path;
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Csv = CsvWriter.Create(_file, Options, leaveOpen: true);
        Csv.WriteHeader(schema.ColumnNames.ToArray());
    }

    public TableSchema Schema { get; }

    /// <summary>The part of a table published in parts (ba_hourly by half-year), or null for a whole table.</summary>
    public string? Part { get; }

    /// <summary>The folder of the run the table is published under: data (normalised tables) or gap (model outputs).</summary>
    public string Folder { get; }

    /// <summary>The writer of the current row: write the schema's fields in order, then call <see cref="EndRow"/>.</summary>
    public CsvWriter Csv { get; }

    public long Rows { get; private set; }

    public static TableWriter Create(string stagingDirectory, TableSchema schema, string folder = StagedTable.DataFolder)
    {
        // A folder of its own in staging too, so that a gap output can never overwrite a table of the same name.
        var directory = folder == StagedTable.DataFolder ? stagingDirectory : Path.Combine(stagingDirectory, folder);
        Directory.CreateDirectory(directory);
        return new TableWriter(schema, Path.Combine(directory, schema.Name + ".csv"), folder);
    }

    /// <summary>A writer of one part of a table published in parts: data/{table}/{part}.csv.</summary>
    public static TableWriter CreatePart(string directory, TableSchema schema, string part)
    {
        Directory.CreateDirectory(directory);
        return new TableWriter(schema, Path.Combine(directory, part + ".csv"), StagedTable.DataFolder, part);
    }

    public void EndRow()
    {
        Csv.EndRecord();
        Rows++;
    }

    /// <summary>Writes a date and time as ISO 8601 UTC to the second, the form every table uses.</summary>
    public void WriteUtc(DateTime value) => Csv.WriteField(value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    public async Task<StagedTable> CompleteAsync(CancellationToken cancellationToken)
    {
        Csv.Flush();
        Csv.Dispose();
        await _file.DisposeAsync();
        _completed = true;
        var (sha256, bytes) = await Hashing.Sha256OfFileAsync(_path, cancellationToken);
        return new StagedTable(Schema, _path, "csv", Rows, bytes, sha256, Folder, Part);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            Csv.Dispose();
            await _file.DisposeAsync();
        }
    }
}

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

public static class Hashing
{
    public static async Task<(string Sha256, long Bytes)> Sha256OfFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return (Convert.ToHexStringLower(hash), stream.Length);
    }

    public static string Sha256OfText(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
