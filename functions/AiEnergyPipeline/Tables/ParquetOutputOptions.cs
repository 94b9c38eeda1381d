namespace AiEnergyPipeline.Tables;

/// <summary>Section <c>Parquet</c>: how the published Parquet files are written.</summary>
public sealed class ParquetOutputOptions
{
    public const string Section = "Parquet";

    /// <summary>
    /// The page codec of every Parquet file. Snappy by default: DuckDB's own default, the
    /// fastest to write (the ba_hourly writer shares a thread with the CSV), and the bench's
    /// ba_hourly Parquet with it is within the 1.1 times DuckDB's size (docs/performance.md).
    /// </summary>
    public ParquetCompression Compression { get; set; } = ParquetCompression.Snappy;
}
