using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>
/// Builds ba_hourly and ba_annual from the EIA-930 bulk files and API pages. ba_hourly is
/// published in parts: one per BALANCE half-year (data/ba_hourly/2024_h1.csv), normalised and
/// cached per partition by the pipeline, then the API rows as the part <c>api</c>. ba_annual is
/// the merge of every partition's sums with the API rows'. Bulk values win: they are revised and
/// carry EIA's adjustments, so API rows inside the hours the bulk files cover for the same
/// balancing authority are counted as superseded rather than written twice.
/// </summary>
public sealed class Eia930Normaliser(IOptions<SourceLimitsOptions>? limits = null, IOptions<ParquetOutputOptions>? parquet = null) : INormaliser
{
    /// <summary>The part of ba_hourly that holds the API rows.</summary>
    public const string ApiPart = "api";

    public IReadOnlyList<string> Sources { get; } = [Eia930BulkSource.SourceName, Eia930ApiSource.SourceName];

    public IReadOnlyList<TableSchema> Tables { get; } = [Schemas.BaHourly, Schemas.BaAnnual];

    public async Task<IReadOnlyList<StagedTable>> NormaliseAsync(NormaliseContext context, CancellationToken cancellationToken)
    {
        var partsFolder = Path.Combine(context.StagingDirectory, Schemas.BaHourly.Name);
        var annual = new BaAnnualAggregator();
        var bulkCoverage = new Dictionary<string, BaCoverage>(StringComparer.Ordinal);
        var tables = new List<StagedTable>();
        var bulk = context.CountsOf(Eia930BulkSource.SourceName);

        void Cover(string ba, BaCoverage span) =>
            bulkCoverage[ba] = bulkCoverage.TryGetValue(ba, out var c) ? c.Including(span.FirstUtc).Including(span.LastUtc) : span;

        foreach (var partition in context.PartitionsOf(Eia930BulkSource.SourceName))
        {
            bulk.RowsIn += partition.RowsIn;
            bulk.RowsOut += partition.RowsOut;
            foreach (var record in partition.Quarantine)
            {
                context.Quarantine.Add(record);
            }

            foreach (var span in partition.Coverage)
            {
                Cover(span.BalancingAuthorityCode, new BaCoverage(span.FirstUtc, span.LastUtc));
            }

            annual.Merge(BaAnnualAggregator.FromPartials(partition.Annual));
            tables.AddRange(partition.Parts().Where(p => p.HasRows));
        }

        // Without cached partitions (the normaliser used on its own), each bulk file is normalised here as its part.
        var files = context.PartitionsOf(Eia930BulkSource.SourceName).Count == 0 ? context.FilesOf(Eia930BulkSource.SourceName) : [];
        foreach (var file in files)
        {
            var result = await BalancePartitionNormaliser.NormaliseAsync(file, partsFolder, PartNameOf(file.FileName), context.Quarantine.Add, cancellationToken, limits: limits?.Value, compression: parquet?.Value.Compression ?? ParquetCompression.Snappy);
            bulk.RowsIn += result.RowsIn;
            bulk.RowsOut += result.RowsOut;
            foreach (var (ba, span) in result.Coverage)
            {
                Cover(ba, span);
            }

            annual.Merge(result.Annual);
            // A part is made from its file alone (the API part, from the pages and the bulk files' coverage, keeps the schema's sources).
            tables.AddRange(result.Files.Where(f => f.HasRows).Select(f => f with { Inputs = [new TableInput(file.Source, file.FileName, file.Sha256)] }));
        }

        tables.Add(await WriteApiPartAsync(context, partsFolder, bulkCoverage, annual, cancellationToken));
        await using var annualWriter = TableWriter.Create(context.StagingDirectory, Schemas.BaAnnual, context.OriginOf(Schemas.BaAnnual.Sources));
        annual.WriteTo(annualWriter);
        tables.Add(await annualWriter.CompleteAsync(cancellationToken));
        return tables;
    }

    /// <summary>The part a BALANCE file makes: 2024_h1 for EIA930_BALANCE_2024_Jan_Jun.csv, else its name made safe.</summary>
    public static string PartNameOf(string fileName) =>
        BalanceHalfYear.FromFileName(fileName)?.PartitionName
        ?? FetchState.Segment(Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant()).Replace('.', '_');

    private static async Task<StagedTable> WriteApiPartAsync(NormaliseContext context, string partsFolder, Dictionary<string, BaCoverage> bulkCoverage, BaAnnualAggregator annual, CancellationToken cancellationToken)
    {
        await using var hourly = TableWriter.CreatePart(partsFolder, Schemas.BaHourly, ApiPart, context.OriginOf(Eia930ApiSource.SourceName));
        var api = context.CountsOf(Eia930ApiSource.SourceName);
        // API windows are days to weeks (bounded by settings), so the seen-set and the rows kept
        // for screening stay small. Pages are sorted by period first, not by authority: demand is
        // screened once every page is read, each authority's hours in time order.
        var seen = new HashSet<(string, DateTime, BaSeries)>();
        var rows = new List<BaHourlyRecord>();
        foreach (var file in context.FilesOf(Eia930ApiSource.SourceName))
        {
            await using var stream = new FileStream(file.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            foreach (var (index, record) in Eia930ApiPage.ReadIndexed(stream, file, context.Quarantine.Add))
            {
                cancellationToken.ThrowIfCancellationRequested();
                api.RowsIn++;
                if (bulkCoverage.TryGetValue(record.BalancingAuthorityCode, out var c) && c.Contains(record.PeriodEndUtc))
                {
                    api.RowsSuperseded++;
                    continue;
                }

                if (!seen.Add((record.BalancingAuthorityCode, record.PeriodEndUtc, record.Series)))
                {
                    context.Quarantine.Add(new QuarantineRecord(file.Source, file.FileName, file.RawPath, index,
                        $"duplicate of an earlier API row: {record.BalancingAuthorityCode} {record.Series.Name()} {record.PeriodEndUtc:yyyy-MM-dd'T'HH}", ""));
                    continue;
                }

                rows.Add(record);
            }
        }

        var qualities = ScreenDemand(rows);
        foreach (var row in rows)
        {
            var record = row.Series == BaSeries.Demand ? row with { Quality = qualities[(row.BalancingAuthorityCode, row.PeriodEndUtc)] } : row;
            BaHourlyRows.Write(hourly, record);
            annual.Add(record);
            api.RowsOut++;
        }

        return await hourly.CompleteAsync(cancellationToken);
    }

    /// <summary>The screen's verdict on every demand row, each balancing authority's hours in time order.</summary>
    private static Dictionary<(string, DateTime), DemandQuality> ScreenDemand(List<BaHourlyRecord> rows)
    {
        var qualities = new Dictionary<(string, DateTime), DemandQuality>();
        foreach (var ba in rows.Where(r => r.Series == BaSeries.Demand).GroupBy(r => r.BalancingAuthorityCode, StringComparer.Ordinal))
        {
            var hours = ba.Select(r => (r.PeriodEndUtc, r.ValueMw)).OrderBy(h => h.PeriodEndUtc).ToList();
            var screened = DemandScreen.ScreenAll(hours);
            for (var i = 0; i < hours.Count; i++)
            {
                qualities[(ba.Key, hours[i].PeriodEndUtc)] = screened[i];
            }
        }

        return qualities;
    }
}
