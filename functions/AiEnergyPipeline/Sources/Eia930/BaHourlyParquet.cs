using AiEnergyPipeline.Sources.Eia930.ParquetFormat;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// The ba_hourly table as Parquet: <see cref="ParquetFormat.BaHourlyParquetWriter"/> writes the
/// column types of <see cref="Tables.ParquetSchemas.For"/> (every table's mapping), so that a
/// ba_hourly part reads back as any other table's Parquet does.
/// </summary>
public static class BaHourlyParquet
{
    /// <summary>
    /// Rows per row group of <see cref="ParquetFormat.BaHourlyParquetWriter"/>: bounds its column arrays
    /// (about 4 MB) and page buffer (1 MB) whatever the file's length.
    /// </summary>
    public const int DefaultRowGroupRows = 1 << 17;
}
