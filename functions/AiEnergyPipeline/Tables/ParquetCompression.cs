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

    /// <summary>Zstandard: about half Snappy's size for more CPU when writing (level 3, DuckDB's, in ba_hourly's writer; Parquet.Net's fastest level for the other tables).</summary>
    Zstd,
}
