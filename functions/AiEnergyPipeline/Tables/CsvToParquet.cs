using System.Globalization;
using CsvHelper;

namespace AiEnergyPipeline.Tables;

/// <summary>
/// Streams a staged CSV table into its Parquet sibling with the schema's types, one row group at a
/// time, so memory does not grow with the table. The CSV was written by this program from its
/// schema, so a value that does not parse as its column's type is a bug: it fails the conversion
/// with the table, line and column.
/// </summary>
public static class CsvToParquet
{
    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    private enum Kind
    {
        String,
        Number,
        Integer,
        Boolean,
        Year,
        Date,
        DateTime,
    }

    /// <summary>Converts <paramref name="csv"/> to <paramref name="parquetPath"/> (default: beside it, .parquet), keeping its folder and part.</summary>
    /// <exception cref="InvalidDataException">The header is not the schema's, or a value is not of its column's type.</exception>
    /// <param name="labels">Key-value metadata for the Parquet footer (<see cref="ParquetLabels"/>).</param>
    public static async Task<StagedTable> ConvertAsync(StagedTable csv, CancellationToken cancellationToken, string? parquetPath = null, int rowGroupRows = ParquetTableWriter.DefaultRowGroupRows, ParquetCompression compression = ParquetCompression.Snappy, IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        if (!csv.IsTable)
        {
            throw new ArgumentException($"{csv.RelativePath} is not a CSV table.", nameof(csv));
        }

        var schema = csv.Schema;
        var kinds = schema.Fields.Select(f => KindOf(schema.Name, f)).ToArray();
        await using var input = new FileStream(csv.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = CsvReader.Create(input, CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true }, leaveOpen: true);
        CheckHeader(csv, reader.Headers);

        await using var writer = await ParquetTableWriter.CreateAsync(parquetPath ?? Path.ChangeExtension(csv.LocalPath, ".parquet"), schema, csv.Folder, csv.Part, rowGroupRows, cancellationToken, compression, labels);
        var previous = new string?[kinds.Length];
        while (reader.Read())
        {
            if (reader.FieldCount != kinds.Length)
            {
                throw new InvalidDataException($"table {csv.RelativePath} line {reader.LineNumber}: {reader.FieldCount} fields, not the schema's {kinds.Length}.");
            }

            for (var i = 0; i < kinds.Length; i++)
            {
                var text = reader.GetString(i);
                if (text.Length == 0)
                {
                    // Unset cells are nulls: nothing to write.
                    continue;
                }

                if (!TrySet(writer, i, kinds[i], text, previous))
                {
                    var field = schema.Fields[i];
                    throw new InvalidDataException($"table {csv.RelativePath} line {reader.LineNumber} column {field.Name}: '{Shorten(text)}' is not a valid {field.Type}.");
                }
            }

            await writer.EndRowAsync(cancellationToken);
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    private static bool TrySet(ParquetTableWriter writer, int column, Kind kind, string text, string?[] previous)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case Kind.String:
                // Repeated values (codes, series names) share one string, so a row group holds few copies.
                if (!string.Equals(previous[column], text, StringComparison.Ordinal))
                {
                    previous[column] = text;
                }

                writer.SetString(column, previous[column]);
                return true;
            case Kind.Number when double.TryParse(text, NumberStyles.Float, invariant, out var number):
                writer.SetNumber(column, number);
                return true;
            case Kind.Integer when long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var integer):
                writer.SetInteger(column, integer);
                return true;
            case Kind.Boolean when text is "true" or "false":
                writer.SetBoolean(column, text == "true");
                return true;
            case Kind.Year when int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var year):
                writer.SetYear(column, year);
                return true;
            case Kind.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var date):
                writer.SetDate(column, date);
                return true;
            case Kind.DateTime when DateTime.TryParseExact(text, DateTimeFormats, invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc):
                writer.SetDateTime(column, utc);
                return true;
            default:
                return false;
        }
    }

    private static void CheckHeader(StagedTable csv, IReadOnlyList<string>? headers)
    {
        var expected = csv.Schema.ColumnNames.ToList();
        if (headers is null || !headers.SequenceEqual(expected, StringComparer.Ordinal))
        {
            throw new InvalidDataException($"table {csv.RelativePath}: the header is '{string.Join(",", headers ?? [])}', not the schema's '{string.Join(",", expected)}'.");
        }
    }

    private static Kind KindOf(string table, FieldSchema field) => field.Type switch
    {
        "string" or "yearmonth" => Kind.String,
        "number" => Kind.Number,
        "integer" => Kind.Integer,
        "boolean" => Kind.Boolean,
        "year" => Kind.Year,
        "date" => Kind.Date,
        "datetime" => Kind.DateTime,
        _ => throw new NotSupportedException($"table {table}: column {field.Name} has the type '{field.Type}', which has no Parquet mapping."),
    };

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "..." : text;
}
