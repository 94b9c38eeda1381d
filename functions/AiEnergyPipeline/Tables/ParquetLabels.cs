using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tables;

/// <summary>
/// Key-value metadata in a Parquet file's footer, so that a file read on its own, long after it was
/// downloaded, still says it was made from sample files (pandas: <c>pq.read_metadata(f).metadata</c>;
/// DuckDB: <c>parquet_kv_metadata(f)</c>). Every row says where it came from too (<see cref="OriginColumn"/>),
/// in CSV and Parquet alike; this says it once for the whole file.
/// </summary>
public static class ParquetLabels
{
    public const string SampleKey = "aienergy.sample";
    public const string WarningKey = "aienergy.warning";

    public static IReadOnlyDictionary<string, string> None { get; } = new Dictionary<string, string>();

    /// <summary>Those of a file made from sample inputs.</summary>
    public static IReadOnlyDictionary<string, string> Sample { get; } = new Dictionary<string, string>
    {
        [SampleKey] = "true",
        [WarningKey] = $"{SampleLabel.Warning} made from sample files written by AiEnergyPipeline (its bundled snapshot), not EIA, LBNL or Ember data.",
    };

    public static IReadOnlyDictionary<string, string> For(bool sample) => sample ? Sample : None;
}
