using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// The EIA-860M vintages of a run, in month order, one at a time (memory holds one vintage): from
/// the partition cache when the partitioned pipeline read them (no workbook parsed again), else
/// from the workbooks themselves (the normaliser used on its own).
/// </summary>
public static class Eia860mVintageReader
{
    public static async IAsyncEnumerable<GeneratorVintage> ReadAsync(NormaliseContext context, Eia860mReadCounts counts, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var partitions = context.PartitionsOf(Eia860mSource.SourceName).OrderBy(p => p.Partition, StringComparer.Ordinal).ToList();
        if (partitions.Count > 0)
        {
            var store = context.PartitionStore ?? throw new InvalidOperationException("cached EIA-860M partitions without the store they are cached in.");
            foreach (var partition in partitions)
            {
                foreach (var record in partition.Quarantine)
                {
                    context.Quarantine.Add(record);
                }

                counts.DataRows = partition.RowsIn;
                yield return new GeneratorVintage(partition.Partition, await ReadCachedAsync(store, partition, context.StagingDirectory, cancellationToken));
            }

            yield break;
        }

        foreach (var file in context.FilesOf(Eia860mSource.SourceName).OrderBy(f => Eia860mWorkbook.ReportMonth(f), StringComparer.Ordinal))
        {
            var read = new Eia860mReadCounts();
            var records = Eia860mWorkbook.Read(file, context.Quarantine.Add, read).ToList();
            counts.DataRows = read.DataRows;
            counts.NoteRows = read.NoteRows;
            yield return new GeneratorVintage(Eia860mWorkbook.ReportMonth(file), records);
        }
    }

    private static async Task<IReadOnlyList<GeneratorRecord>> ReadCachedAsync(IDatasetStore store, PartitionSummary partition, string staging, CancellationToken cancellationToken)
    {
        var part = partition.Files.FirstOrDefault(f => f.Table == Schemas.Generators.Name && f.Format == "csv")
            ?? throw new SourceException(Eia860mSource.SourceName, partition.FileName, $"the cached outputs of vintage {partition.Partition} hold no generators rows.");
        await using var opened = await store.OpenReadAsync(part.Path, cancellationToken)
            ?? throw new SourceException(Eia860mSource.SourceName, partition.FileName, $"the cached rows {part.Path} of vintage {partition.Partition} are missing from the store.");
        // A local copy: the rows are read synchronously, and a blob stream should not be.
        var local = Path.Combine(staging, $"eia860m-{partition.Partition}-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var copy = File.Create(local))
            {
                await opened.Content.CopyToAsync(copy, cancellationToken);
            }

            await using var content = File.OpenRead(local);
            return GeneratorRows.Read(content).ToList();
        }
        finally
        {
            File.Delete(local);
        }
    }
}
