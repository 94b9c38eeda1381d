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

    private TableWriter(TableSchema schema, string path)
    {
        Schema = schema;
        _path = path;
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Csv = CsvWriter.Create(_file, Options, leaveOpen: true);
        Csv.WriteHeader(schema.ColumnNames.ToArray());
    }

    public TableSchema Schema { get; }

    /// <summary>The writer of the current row: write the schema's fields in order, then call <see cref="EndRow"/>.</summary>
    public CsvWriter Csv { get; }

    public long Rows { get; private set; }

    public static TableWriter Create(string stagingDirectory, TableSchema schema)
    {
        Directory.CreateDirectory(stagingDirectory);
        return new TableWriter(schema, Path.Combine(stagingDirectory, schema.Name + ".csv"));
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
        return new StagedTable(Schema, _path, "csv", Rows, bytes, sha256);
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

/// <summary>A finished table file waiting in the staging folder to be published.</summary>
public sealed record StagedTable(TableSchema Schema, string LocalPath, string Format, long Rows, long Bytes, string Sha256);

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
