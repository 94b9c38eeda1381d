using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources.Eia930;

/// <summary>EIA-930 BALANCE files as partitions: each normalised into ba_hourly parts, coverage and ba_annual partial sums.</summary>
/// <param name="limits">What a file may hold: a record past the limit fails the partition, in bounded time and memory.</param>
/// <param name="parquet">The codec of the ba_hourly Parquet parts.</param>
public sealed class BalancePartitions(Microsoft.Extensions.Options.IOptions<SourceLimitsOptions>? limits = null, Microsoft.Extensions.Options.IOptions<ParquetOutputOptions>? parquet = null) : IPartitionNormaliser
{
    public string Source => Eia930BulkSource.SourceName;

    /// <summary>The BALANCE file is read in one pass, front to back.</summary>
    public bool ReadsWhileDownloading => true;

    public async Task<PartitionResult> NormaliseAsync(FetchedFile file, string outputDirectory, string partName, Action<QuarantineRecord> quarantine, CancellationToken cancellationToken)
    {
        var result = await BalancePartitionNormaliser.NormaliseAsync(file, outputDirectory, partName, quarantine, cancellationToken, limits: limits?.Value, compression: parquet?.Value.Compression ?? ParquetCompression.Snappy);
        return new PartitionResult(result.Files, result.RowsIn, result.RowsOut) { Coverage = result.Coverage, Annual = result.Annual.Partials() };
    }
}
