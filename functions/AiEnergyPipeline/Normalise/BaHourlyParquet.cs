using AiEnergyPipeline.Tables;
using Parquet;
using Parquet.Schema;

namespace AiEnergyPipeline.Normalise;

/// <summary>
/// The ba_hourly table as Parquet (these fields describe what <see cref="ParquetFormat.BaHourlyParquetWriter"/> writes), with the type mapping every table's Parquet uses: string to
/// string, number to double, boolean to bool, datetime to a timestamp adjusted to UTC (in
/// microseconds; DuckDB reads it as TIMESTAMP WITH TIME ZONE), every column nullable.
/// </summary>
public static class BaHourlyParquet
{
    /// <summary>
    /// Rows per row group of <see cref="ParquetFormat.BaHourlyParquetWriter"/>: bounds its column arrays
    /// (about 4 MB) and page buffer (1 MB) whatever the file's length.
    /// </summary>
    public const int DefaultRowGroupRows = 1 << 17;

    public static DataField BalancingAuthorityCode { get; } = new DataField<string>("balancing_authority_code", true);

    public static DataField PeriodEndUtc { get; } = new DateTimeDataField("period_end_utc", DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros, isNullable: true);

    public static DataField Series { get; } = new DataField<string>("series", true);

    public static DataField ValueMw { get; } = new DataField<double?>("value_mw", true);

    public static DataField Source { get; } = new DataField<string>("source", true);

    public static DataField Imputed { get; } = new DataField<bool?>("imputed", true);

    /// <summary>The text columns, whose few distinct values are written as a dictionary.</summary>
    public static IReadOnlyList<DataField> DictionaryColumns { get; } = [BalancingAuthorityCode, Series, Source];

    /// <summary>The columns in the order of <see cref="Schemas.BaHourly"/>.</summary>
    public static ParquetSchema Schema { get; } = new(BalancingAuthorityCode, PeriodEndUtc, Series, ValueMw, Source, Imputed);
}
