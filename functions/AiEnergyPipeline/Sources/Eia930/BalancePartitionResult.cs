using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// One BALANCE file normalised on its own, so that it can be cached and reused while the file is
/// unchanged: its ba_hourly rows (CSV, and Parquet where written), the hours it covers per
/// balancing authority, and its ba_annual partial sums, which merge across partitions.
/// </summary>
public sealed record BalancePartitionResult(
    string PartName,
    IReadOnlyList<StagedTable> Files,
    long RowsIn,
    long RowsOut,
    IReadOnlyDictionary<string, BaCoverage> Coverage,
    BaAnnualAggregator Annual);
