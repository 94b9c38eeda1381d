using AiEnergyPipeline.Tables;
using DuckDB.NET.Data;
using System.Globalization;

namespace AiEnergyPipeline.Tests.Tables;

/// <summary>
/// Published files read as a user's DuckDB reads them: a Parquet file's column types, its column
/// chunks' codec and statistics (parquet_metadata()), and one line of counts and sums per table,
/// for the Parquet file and for its CSV twin read with the schema's types, which must match.
/// </summary>
internal static class DuckDbReadBack
{
    /// <summary>The DuckDB type a column of the schema has, in the Parquet file and when its CSV is read.</summary>
    public static string DuckDbTypeOf(FieldSchema field) => field.Type switch
    {
        "string" or "yearmonth" => "VARCHAR",
        "number" => "DOUBLE",
        "integer" => "BIGINT",
        "boolean" => "BOOLEAN",
        "year" => "INTEGER",
        "date" => "DATE",
        "datetime" => "TIMESTAMP WITH TIME ZONE",
        _ => throw new NotSupportedException(field.Type),
    };

    /// <summary>Each column's name and DuckDB type, as DuckDB reads the Parquet file.</summary>
    public static List<string> ParquetColumns(string parquetPath) =>
        Query($"SELECT column_name || ' ' || column_type FROM (DESCRIBE SELECT * FROM read_parquet('{parquetPath}'))").Select(r => (string)r[0]!).ToList();

    /// <summary>The footer's key-value metadata as DuckDB reads it, one "key=value" per pair, ordered.</summary>
    public static List<string> KeyValues(string parquetPath) =>
        Query($"SELECT decode(key) || '=' || decode(value) FROM parquet_kv_metadata('{parquetPath}') ORDER BY 1").Select(r => (string)r[0]!).ToList();

    /// <summary>The rows, and per column its non-null count and a sum that changes with any value: the same line for a Parquet file and its CSV twin.</summary>
    public static string Sums(TableSchema schema, string path)
    {
        var from = path.EndsWith(".parquet", StringComparison.Ordinal)
            ? $"read_parquet('{path}')"
            : $"read_csv('{path}', header = true, auto_detect = false, columns = {{{string.Join(", ", schema.Fields.Select(f => $"'{f.Name}': '{DuckDbTypeOf(f)}'"))}}})";
        var parts = new List<string> { "count(*)::VARCHAR" };
        foreach (var field in schema.Fields)
        {
            var c = $"\"{field.Name}\"";
            parts.Add($"count({c})::VARCHAR");
            parts.Add(field.Type switch
            {
                "string" or "yearmonth" => $"coalesce(sum(length({c}) * hash({c}) % 1000003), 0)::VARCHAR || '/' || count(DISTINCT {c})",
                // the sum rounded (DuckDB adds in parallel, in any order) and a sum of each value's hash (exact)
                "number" => $"coalesce(round(sum({c}), 2), 0)::VARCHAR || '/' || coalesce(sum(hash({c}) % 1000003), 0) || '/' || coalesce(min({c})::VARCHAR, '') || '/' || coalesce(max({c})::VARCHAR, '')",
                "integer" or "year" => $"coalesce(sum({c}::HUGEINT), 0)::VARCHAR || '/' || coalesce(min({c})::VARCHAR, '') || '/' || coalesce(max({c})::VARCHAR, '')",
                "boolean" => $"count(*) FILTER ({c})::VARCHAR",
                "date" => $"coalesce(sum(epoch({c}::TIMESTAMP)), 0)::VARCHAR",
                "datetime" => $"coalesce(sum(epoch({c})), 0)::VARCHAR",
                _ => throw new NotSupportedException(field.Type),
            });
        }

        return (string)Query($"SELECT concat_ws(' ', {string.Join(", ", parts)}) FROM {from}")[0][0]!;
    }

    /// <summary>One row per column chunk: row group, column, codec, null count, min and max as DuckDB shows them.</summary>
    public static List<ColumnChunk> ColumnChunks(string parquetPath) =>
        Query($"SELECT row_group_id, path_in_schema, compression, stats_null_count, stats_min_value, stats_max_value, total_compressed_size, total_uncompressed_size FROM parquet_metadata('{parquetPath}') ORDER BY row_group_id, column_id")
            .Select(r => new ColumnChunk(
                Convert.ToInt64(r[0], CultureInfo.InvariantCulture),
                (string)r[1]!,
                (string)r[2]!,
                r[3] is null ? null : Convert.ToInt64(r[3], CultureInfo.InvariantCulture),
                (string?)r[4],
                (string?)r[5],
                Convert.ToInt64(r[6], CultureInfo.InvariantCulture),
                Convert.ToInt64(r[7], CultureInfo.InvariantCulture)))
            .ToList();

    public static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>One column chunk of a Parquet file, as parquet_metadata() describes it.</summary>
    public sealed record ColumnChunk(long RowGroup, string Column, string Compression, long? NullCount, string? Min, string? Max, long CompressedBytes, long UncompressedBytes);
}
