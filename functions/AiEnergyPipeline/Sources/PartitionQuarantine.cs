using AiEnergyPipeline.Fetch;
using System.Globalization;

namespace AiEnergyPipeline.Sources;

/// <summary>
/// The quarantine of one partition's file, held until the partition's summary is written. Bounded:
/// a file whose rows are malformed by the hundred thousand is a malformed file, and holding its
/// every row (in memory, then in the summary, then at completion beside every other partition's)
/// is what a bounded run cannot do. Past <see cref="SourceLimitsOptions.MaxQuarantinedRowsPerFile"/>
/// the file fails, naming itself, the limit and its first bad row.
/// </summary>
public sealed class PartitionQuarantine(int maxRows)
{
    private readonly List<QuarantineRecord> _records = [];

    public IReadOnlyList<QuarantineRecord> Records => _records;

    /// <exception cref="SourceException">The file has more rows to quarantine than the limit.</exception>
    public void Add(QuarantineRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (_records.Count >= maxRows)
        {
            var first = _records[0];
            throw new SourceException(record.Source, record.File, string.Create(CultureInfo.InvariantCulture,
                $"more than {maxRows:N0} rows could not be read, so the file is taken as malformed rather than quarantined row by row (raise {SourceLimitsOptions.Setting(nameof(SourceLimitsOptions.MaxQuarantinedRowsPerFile))} if it is genuine); the first, line {first.Line}: {first.Reason}"));
        }

        _records.Add(record);
    }
}
