using Parquet;
using Parquet.Schema;

namespace AiEnergyPipeline.TestKit;

/// <summary>A Parquet file read back whole with Parquet.Net, for assertions: columns, their types and every row.</summary>
/// <param name="Columns">Column names in file order.</param>
/// <param name="ClrTypes">The .NET type Parquet.Net reads each column as (string, double, long, int, bool, DateOnly, DateTime).</param>
/// <param name="LogicalTypes">Each column's physical and logical type as the footer gives them, such as INT64 TIMESTAMP(utc=True,MICROS).</param>
/// <param name="Rows">Every row; nulls are null.</param>
public sealed record ParquetReadBack(IReadOnlyList<string> Columns, IReadOnlyList<Type> ClrTypes, IReadOnlyList<string> LogicalTypes, int RowGroups, IReadOnlyList<object?[]> Rows)
{
    public static async Task<ParquetReadBack> ReadAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true });
        var fields = reader.Schema.GetDataFields();
        var rows = new List<object?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var columns = new object?[fields.Length][];
            for (var c = 0; c < fields.Length; c++)
            {
                columns[c] = await ReadColumnAsync(group, fields[c], count);
            }

            for (var r = 0; r < count; r++)
            {
                rows.Add(columns.Select(column => column[r]).ToArray());
            }
        }

        var elements = reader.Metadata!.Schema.Skip(1).ToList();
        var logical = elements.Select(e => $"{e.Type} {Describe(e.LogicalType)}".Trim()).ToList();
        return new ParquetReadBack(fields.Select(f => f.Name).ToList(), fields.Select(ValueTypeOf).ToList(), logical, reader.RowGroupCount, rows);
    }

    /// <summary>The type of a field's values, not null: Parquet.Net 6 gives string columns the type ReadOnlyMemory&lt;char&gt;, read as strings.</summary>
    public static Type ValueTypeOf(DataField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        return type == typeof(ReadOnlyMemory<char>) ? typeof(string) : type;
    }

    private static string Describe(Parquet.Meta.LogicalType? type) => type switch
    {
        null => "",
        { TIMESTAMP: { } t } => $"TIMESTAMP(utc={t.IsAdjustedToUTC},{(t.Unit.MICROS is not null ? "MICROS" : t.Unit.MILLIS is not null ? "MILLIS" : "NANOS")})",
        { STRING: not null } => "STRING",
        { DATE: not null } => "DATE",
        _ => "OTHER",
    };

    private static async Task<object?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        var type = ValueTypeOf(field);
        if (type == typeof(string))
        {
            var values = new string?[count];
            await group.ReadAsync(field, values.AsMemory());
            return values.Cast<object?>().ToArray();
        }

        return type switch
        {
            _ when type == typeof(double) => await ReadValuesAsync<double>(group, field, count),
            _ when type == typeof(long) => await ReadValuesAsync<long>(group, field, count),
            _ when type == typeof(int) => await ReadValuesAsync<int>(group, field, count),
            _ when type == typeof(bool) => await ReadValuesAsync<bool>(group, field, count),
            _ when type == typeof(DateOnly) => await ReadValuesAsync<DateOnly>(group, field, count),
            _ when type == typeof(DateTime) => await ReadValuesAsync<DateTime>(group, field, count),
            _ => throw new NotSupportedException($"column {field.Name}: {type} is not read back here."),
        };
    }

    private static async Task<object?[]> ReadValuesAsync<T>(ParquetRowGroupReader group, DataField field, int count)
        where T : struct
    {
        var values = new T?[count];
        await group.ReadAsync<T>(field, values.AsMemory());
        return values.Select(v => v.HasValue ? (object)v.Value : null).ToArray();
    }
}
