using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources;

/// <summary>
/// What one partition's normalisation left: its part files and its row counts; for BALANCE files
/// also the hours covered per balancing authority and the ba_annual partial sums, which other
/// sources leave empty (and need not name).
/// </summary>
public sealed record PartitionResult(IReadOnlyList<StagedTable> Files, long RowsIn, long RowsOut)
{
    public IReadOnlyDictionary<string, BaCoverage> Coverage { get; init; } = new Dictionary<string, BaCoverage>();

    public IReadOnlyList<BaAnnualPartial> Annual { get; init; } = [];
}
