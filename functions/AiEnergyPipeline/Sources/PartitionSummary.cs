using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources;

/// <summary>summary.json of a cached partition: what a run needs of it without reading its rows.</summary>
/// <param name="ModelVersion">The partition version (with a codec other than the default) that wrote it: its version folder's name. Named
/// model_version from when the whole model's version keyed the cache; summaries cached then hold the same value.</param>
public sealed record PartitionSummary(
    string Source,
    string Partition,
    string FileName,
    string Sha256,
    string ModelVersion,
    long RowsIn,
    long RowsOut,
    IReadOnlyList<PartitionFile> Files,
    IReadOnlyList<PartitionCoverage> Coverage,
    IReadOnlyList<BaAnnualPartial> Annual,
    IReadOnlyList<QuarantineRecord> Quarantine)
{
    /// <summary>The cached files as parts of their table, published by a copy within the store.</summary>
    public IReadOnlyList<StagedTable> Parts() =>
        Files.Select(f => new StagedTable(Schemas.ByName(f.Table) ?? throw new InvalidOperationException($"partition {Source}/{Partition}: the table '{f.Table}' is not one this version knows."),
                "", f.Format, f.Rows, f.Bytes, f.Sha256, StagedTable.DataFolder, Partition, f.Path)
            {
                // Made from this one file: the data package's sources entry with its sha256.
                Inputs = [new TableInput(Source, FileName, Sha256)],
            })
            .ToList();
}
