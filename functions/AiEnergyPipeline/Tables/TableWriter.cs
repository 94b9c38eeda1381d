using CsvHelper;
using System.Globalization;
using System.Security.Cryptography;

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
    private readonly string _origin;
    private bool _completed;

    private TableWriter(TableSchema schema, string path, string origin, string folder, string? part = null)
    {
        Schema = schema;
        _origin = origin;
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

    /// <summary>
    /// The writer of the current row: write the schema's fields in order but the last, then call
    /// <see cref="EndRow()"/>, which writes the row's <see cref="OriginColumn"/>.
    /// </summary>
    public CsvWriter Csv { get; }

    public long Rows { get; private set; }

    /// <param name="origin">The <see cref="OriginColumn"/> of every row (a row of its own origin: <see cref="EndRow(string)"/>).</param>
    public static TableWriter Create(string stagingDirectory, TableSchema schema, string origin, string folder = StagedTable.DataFolder)
    {
        // A folder of its own in staging too, so that a gap output can never overwrite a table of the same name.
        var directory = folder == StagedTable.DataFolder ? stagingDirectory : Path.Combine(stagingDirectory, folder);
        Directory.CreateDirectory(directory);
        return new TableWriter(schema, Path.Combine(directory, schema.Name + ".csv"), origin, folder);
    }

    /// <summary>A writer of one part of a table published in parts: data/{table}/{part}.csv.</summary>
    public static TableWriter CreatePart(string directory, TableSchema schema, string part, string origin)
    {
        Directory.CreateDirectory(directory);
        return new TableWriter(schema, Path.Combine(directory, part + ".csv"), origin, StagedTable.DataFolder, part);
    }

    /// <summary>Ends the row with the writer's origin.</summary>
    public void EndRow() => EndRow(_origin);

    /// <summary>Ends a row whose inputs differ from the table's (a quarantined row names its own file).</summary>
    public void EndRow(string origin)
    {
        Csv.WriteField(origin);
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
