using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Normalise;

/// <summary>The hours one BALANCE file covers for one balancing authority: API rows inside them are superseded by bulk rows.</summary>
public readonly record struct BaCoverage(DateTime FirstUtc, DateTime LastUtc)
{
    public BaCoverage Including(DateTime hour) => new(hour < FirstUtc ? hour : FirstUtc, hour > LastUtc ? hour : LastUtc);

    public bool Contains(DateTime hour) => hour >= FirstUtc && hour <= LastUtc;
}

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

/// <summary>
/// Normalises one EIA-930 BALANCE file into ba_hourly part files named <c>{partName}.csv</c> (and
/// <c>.parquet</c>) in <c>outputDirectory</c>, streaming: memory does not grow with the file.
/// Rows that cannot be read go to <c>quarantine</c>; a file that cannot be read throws
/// <see cref="SourceException"/> naming it.
/// </summary>
public static class BalancePartitionNormaliser
{
    public static async Task<BalancePartitionResult> NormaliseAsync(FetchedFile file, string outputDirectory, string partName, Action<QuarantineRecord> quarantine, CancellationToken cancellationToken)
    {
        await using var hourly = TableWriter.CreatePart(outputDirectory, Schemas.BaHourly, partName);
        var annual = new BaAnnualAggregator();
        var coverage = new Dictionary<string, BaCoverage>(StringComparer.Ordinal);
        long rowsIn = 0;
        long rowsOut = 0;
        await using (var stream = new FileStream(file.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        {
            foreach (var record in Eia930BalanceCsv.Read(stream, file, quarantine))
            {
                cancellationToken.ThrowIfCancellationRequested();
                rowsIn++;
                coverage[record.BalancingAuthorityCode] = coverage.TryGetValue(record.BalancingAuthorityCode, out var c)
                    ? c.Including(record.PeriodEndUtc)
                    : new BaCoverage(record.PeriodEndUtc, record.PeriodEndUtc);
                BaHourlyRows.Write(hourly, record);
                annual.Add(record);
                rowsOut++;
            }
        }

        return new BalancePartitionResult(partName, [await hourly.CompleteAsync(cancellationToken)], rowsIn, rowsOut, coverage, annual);
    }
}
