using Parquet.Schema;

namespace AiEnergyPipeline.Tables;

/// <summary>
/// The Parquet schema of a published table, from its Frictionless schema, so that the Parquet
/// sibling of a CSV table has the types datapackage.json gives. Every column is optional
/// (nullable): an empty CSV cell is a null. Types: string as UTF-8 string; number as double;
/// integer as int64; boolean as boolean; year as int32; date as DATE (int32 days);
/// yearmonth as its yyyy-MM text (Parquet has no month type); datetime as
/// TIMESTAMP(isAdjustedToUTC=true, MICROS), which DuckDB reads as TIMESTAMP WITH TIME ZONE and
/// pandas/pyarrow as timestamp[us, tz=UTC].
/// </summary>
public static class ParquetSchemas
{
    /// <summary>How the datetime columns are stored, said in datapackage.json and docs/tables.md.</summary>
    public const string DateTimeEncoding = "TIMESTAMP(isAdjustedToUTC=true, MICROS)";

    public static ParquetSchema For(TableSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new ParquetSchema(schema.Fields.Select(f => FieldFor(schema.Name, f)).ToArray());
    }

    /// <summary>The .NET type a column's values have in a Parquet.Net writer or reader (nullable).</summary>
    public static Type ClrTypeOf(string tableName, FieldSchema field) => field.Type switch
    {
        "string" or "yearmonth" => typeof(string),
        "number" => typeof(double?),
        "integer" => typeof(long?),
        "boolean" => typeof(bool?),
        "year" => typeof(int?),
        "date" => typeof(DateOnly?),
        "datetime" => typeof(DateTime?),
        _ => throw new NotSupportedException($"table {tableName}: column {field.Name} has the type '{field.Type}', which has no Parquet mapping."),
    };

    private static DataField FieldFor(string tableName, FieldSchema field) => field.Type switch
    {
        "datetime" => new DateTimeDataField(field.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true),
        _ => new DataField(field.Name, ClrTypeOf(tableName, field), isNullable: true),
    };
}
