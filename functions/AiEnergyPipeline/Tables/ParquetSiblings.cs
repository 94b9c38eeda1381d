using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Tables;

/// <summary>
/// Gives every staged CSV table (data/ tables, their parts, and the gap's CSV tables) a Parquet
/// sibling with the schema's types, published beside it as {table}.parquet (or {part}.parquet).
/// A table whose Parquet was already written (the EIA-930 normaliser writes ba_hourly's itself)
/// is left as it is. A CSV that is only in the store (a cached part, a table a recompute copies)
/// is not converted here: its Parquet, where its run had one, is copied beside it.
/// </summary>
public static class ParquetSiblings
{
    /// <summary>The staged files with each CSV table followed by its Parquet sibling (pages compressed with <paramref name="compression"/>); other files keep their place.</summary>
    /// <param name="isSample">Whether a table's rows are made from sample files (their <see cref="OriginColumn"/> says sample): its Parquet then says so in its footer (<see cref="ParquetLabels"/>). Null: none is.</param>
    public static async Task<List<StagedTable>> AddAsync(IEnumerable<StagedTable> staged, ParquetCompression compression, CancellationToken cancellationToken, Func<StagedTable, bool>? isSample = null)
    {
        var files = staged.ToList();
        var written = files.Where(t => t.Format == StagedTable.ParquetFormat).ToDictionary(Key);
        var withCsv = files.Where(t => t.IsTable).Select(Key).ToHashSet();
        var result = new List<StagedTable>(files.Count * 2);
        foreach (var file in files)
        {
            if (file.Format == StagedTable.ParquetFormat && withCsv.Contains(Key(file)))
            {
                // Placed right after its CSV instead.
                continue;
            }

            result.Add(file);
            if (file.IsTable && (file.StorePath is null || written.ContainsKey(Key(file))))
            {
                var sibling = written.TryGetValue(Key(file), out var existing) ? existing : await CsvToParquet.ConvertAsync(file, cancellationToken, compression: compression, labels: ParquetLabels.For(isSample?.Invoke(file) ?? false));
                // The same rows: made from the same inputs.
                result.Add(ReferenceEquals(sibling.Inputs, file.Inputs) ? sibling : sibling with { Inputs = file.Inputs });
            }
        }

        return result;
    }

    private static (string Name, string Folder, string? Part) Key(StagedTable table) => (table.Schema.Name, table.Folder, table.Part);
}
