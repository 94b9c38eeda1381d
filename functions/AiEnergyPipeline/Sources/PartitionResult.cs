using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources;

/// <summary>
/// What one partition's normalisation left: its part files, its row counts, and for BALANCE files
/// the hours covered per balancing authority and the ba_annual partial sums (empty for other sources).
/// </summary>
public sealed record PartitionResult(
    IReadOnlyList<StagedTable> Files,
    long RowsIn,
    long RowsOut,
    IReadOnlyDictionary<string, BaCoverage> Coverage,
    IReadOnlyList<BaAnnualPartial> Annual);
