using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Normalise;

/// <summary>EIA-930 BALANCE files as partitions: each normalised into ba_hourly parts, coverage and ba_annual partial sums.</summary>
public sealed class BalancePartitions : IPartitionNormaliser
{
    public string Source => Eia930BulkSource.SourceName;

    public async Task<PartitionResult> NormaliseAsync(FetchedFile file, string outputDirectory, string partName, Action<QuarantineRecord> quarantine, CancellationToken cancellationToken)
    {
        var result = await BalancePartitionNormaliser.NormaliseAsync(file, outputDirectory, partName, quarantine, cancellationToken);
        return new PartitionResult(result.Files, result.RowsIn, result.RowsOut, result.Coverage, result.Annual.Partials());
    }
}
