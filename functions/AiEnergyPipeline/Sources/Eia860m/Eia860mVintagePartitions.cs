using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// EIA-860M vintages as partitions: each workbook read once into generator rows (the generators
/// schema, accreditation class left empty: the curated classes may change while the workbook does
/// not) and cached by its content. A workbook that cannot be read fails its partition, naming it.
/// </summary>
/// <param name="limits">What a workbook may hold: a zip bomb or a runaway sheet fails the partition, in bounded time and memory.</param>
public sealed class Eia860mVintagePartitions(Microsoft.Extensions.Options.IOptions<SourceLimitsOptions>? limits = null) : IPartitionNormaliser
{
    public string Source => Eia860mSource.SourceName;

    public async Task<PartitionResult> NormaliseAsync(FetchedFile file, string outputDirectory, string partName, Action<QuarantineRecord> quarantine, CancellationToken cancellationToken)
    {
        var read = new Eia860mReadCounts();
        await using var writer = TableWriter.Create(outputDirectory, Schemas.Generators, RowOrigin.Of(file.Origin));
        foreach (var record in Eia860mWorkbook.Read(file, quarantine, read, limits?.Value))
        {
            cancellationToken.ThrowIfCancellationRequested();
            GeneratorRows.Write(writer, record, "");
        }

        var staged = await writer.CompleteAsync(cancellationToken);
        return new PartitionResult([staged], read.DataRows, staged.Rows);
    }
}
