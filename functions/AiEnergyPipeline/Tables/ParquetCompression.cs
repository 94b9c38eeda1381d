namespace AiEnergyPipeline.Tables;

/// <summary>
/// The codec of every published Parquet file's pages (setting <c>Parquet__Compression</c>). Both
/// are read by DuckDB, pandas/pyarrow, Spark and Parquet.Net; there is deliberately no
/// uncompressed choice, since an uncompressed ba_hourly part is about three times the size.
/// </summary>
public enum ParquetCompression
{
    /// <summary>Snappy: the default of DuckDB, Arrow and Spark; fastest to write and read.</summary>
    Snappy,

    /// <summary>Zstandard (level 3, DuckDB's): smaller files for somewhat more CPU when writing.</summary>
    Zstd,
}
