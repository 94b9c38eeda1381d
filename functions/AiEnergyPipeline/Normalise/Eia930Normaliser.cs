using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Normalise;

/// <summary>
/// Builds ba_hourly and ba_annual from the EIA-930 bulk files and API pages. Bulk values win:
/// they are revised and carry EIA's adjustments, so API rows inside the hours a bulk file covers
/// for the same balancing authority are counted as superseded rather than written twice.
/// </summary>
public sealed class Eia930Normaliser : INormaliser
{
    public IReadOnlyList<string> Sources { get; } = [Eia930BulkSource.SourceName, Eia930ApiSource.SourceName];

    public IReadOnlyList<TableSchema> Tables { get; } = [Schemas.BaHourly, Schemas.BaAnnual];

    public async Task<IReadOnlyList<StagedTable>> NormaliseAsync(NormaliseContext context, CancellationToken cancellationToken)
    {
        await using var hourly = TableWriter.Create(context.StagingDirectory, Schemas.BaHourly);
        var annual = new BaAnnualAggregator();
        var bulkCoverage = new Dictionary<string, (DateTime First, DateTime Last)>(StringComparer.Ordinal);

        var bulk = context.CountsOf(Eia930BulkSource.SourceName);
        foreach (var file in context.FilesOf(Eia930BulkSource.SourceName))
        {
            await using var stream = OpenLocal(file);
            foreach (var record in Eia930BalanceCsv.Read(stream, file, context.Quarantine.Add))
            {
                cancellationToken.ThrowIfCancellationRequested();
                bulk.RowsIn++;
                bulkCoverage[record.BalancingAuthorityCode] = bulkCoverage.TryGetValue(record.BalancingAuthorityCode, out var c)
                    ? (Min(c.First, record.PeriodEndUtc), Max(c.Last, record.PeriodEndUtc))
                    : (record.PeriodEndUtc, record.PeriodEndUtc);
                Write(hourly, annual, record);
                bulk.RowsOut++;
            }
        }

        var api = context.CountsOf(Eia930ApiSource.SourceName);
        // API windows are days to weeks (bounded by settings), so the seen-set stays small.
        var seen = new HashSet<(string, DateTime, BaSeries)>();
        foreach (var file in context.FilesOf(Eia930ApiSource.SourceName))
        {
            await using var stream = OpenLocal(file);
            foreach (var record in Eia930ApiPage.Read(stream, file, context.Quarantine.Add))
            {
                cancellationToken.ThrowIfCancellationRequested();
                api.RowsIn++;
                if (bulkCoverage.TryGetValue(record.BalancingAuthorityCode, out var c) && record.PeriodEndUtc >= c.First && record.PeriodEndUtc <= c.Last)
                {
                    api.RowsSuperseded++;
                    continue;
                }

                if (!seen.Add((record.BalancingAuthorityCode, record.PeriodEndUtc, record.Series)))
                {
                    context.Quarantine.Add(new QuarantineRecord(file.Source, file.FileName, file.RawPath, 0,
                        $"duplicate of an earlier API row: {record.BalancingAuthorityCode} {record.Series.Name()} {record.PeriodEndUtc:yyyy-MM-dd'T'HH}", ""));
                    continue;
                }

                Write(hourly, annual, record);
                api.RowsOut++;
            }
        }

        var hourlyTable = await hourly.CompleteAsync(cancellationToken);
        await using var annualWriter = TableWriter.Create(context.StagingDirectory, Schemas.BaAnnual);
        annual.WriteTo(annualWriter);
        return [hourlyTable, await annualWriter.CompleteAsync(cancellationToken)];
    }

    private static void Write(TableWriter writer, BaAnnualAggregator annual, in BaHourlyRecord record)
    {
        BaHourlyRows.Write(writer, record);
        annual.Add(record);
    }

    private static FileStream OpenLocal(FetchedFile file) =>
        new(file.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
