using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// Reads, at completion, each planned partition as its processing left it (perhaps on another
/// instance): its record for the plan and its cached summary. A partition not processed, failed,
/// or whose cache entry is gone fails its source.
/// </summary>
public sealed class ProcessedPartitionsReader(IEnumerable<ISource> sources, IDatasetStore store, SecretRedactor redactor, TimeProvider time, Microsoft.Extensions.Options.IOptions<ParquetOutputOptions> parquet)
{
    private readonly PartitionCache _cache = new(store, parquet.Value.Compression);

    public async Task<ProcessedPartitions> ReadAsync(IngestPlan plan, RawArchive archive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(archive);
        var summaries = new List<PartitionSummary>();
        var partitionReports = new List<PartitionReport>();
        var reports = new Dictionary<string, SourceReport>();
        var files = new Dictionary<string, IReadOnlyList<FetchedFile>>();
        foreach (var group in plan.Partitions.GroupBy(p => p.Source))
        {
            var started = time.GetTimestamp();
            var source = PartitionedSources.Named(sources, group.Key);
            var errors = new List<string>();
            var fetched = new List<FetchedFile>();
            try
            {
                fetched.AddRange(await source.PlanInputsAsync(archive, cancellationToken));
            }
            catch (SourceException e)
            {
                errors.Add(redactor.Redact(e.Message));
            }

            foreach (var key in group)
            {
                var fileName = source.FileNameOf(key.Name);
                var record = await _cache.ReadRecordAsync(key, plan.PlanId, cancellationToken);
                PartitionSummary? summary = null;
                string? error = record switch
                {
                    null => $"{key.Source}: {fileName}: partition {key.Name} has not been processed in plan {plan.PlanId}.",
                    { Status: PartitionStatus.Failed } => record.Error ?? $"{key.Source}: {fileName}: failed.",
                    { Fetched: null } => $"{key.Source}: {fileName}: partition {key.Name} has no fetched file in plan {plan.PlanId}.",
                    _ => null,
                };
                if (error is null)
                {
                    summary = await _cache.ReadSummaryAsync(key, record!.Fetched!.Sha256, record.Fetched.Origin, cancellationToken);
                    error = summary is null ? $"{key.Source}: {fileName}: the cached outputs of partition {key.Name} (sha256 {record.Fetched.Sha256}) are missing from the store." : null;
                }

                if (error is not null || summary is null)
                {
                    errors.Add(error ?? "");
                    partitionReports.Add(new PartitionReport(key.Source, key.Name, fileName, PartitionStatus.Failed, record?.Fetched?.Sha256, record?.Fetched?.Bytes ?? 0, 0, 0, 0, error));
                    continue;
                }

                summaries.Add(summary);
                var state = record!.Fetched!;
                fetched.Add(state.ToFetchedFile(archive.NewLocalPath(key.Source, "csv")) with { AlreadyArchived = record.Status == PartitionStatus.Reused });
                partitionReports.Add(new PartitionReport(key.Source, key.Name, fileName, record.Status, state.Sha256, state.Bytes, summary.RowsIn, summary.RowsOut, summary.Quarantine.Count, null));
            }

            files[source.Name] = fetched;
            var fileReports = fetched.Select(f => new FileReport(f.FileName, f.RawPath, f.Sha256, f.Bytes, f.AlreadyArchived)).ToList();
            reports[source.Name] = new SourceReport(source.Name, errors.Count > 0 ? SourceStatus.Failed : SourceStatus.Succeeded, (long)time.GetElapsedTime(started).TotalMilliseconds, fileReports, 0, 0, 0, 0,
                errors.Count > 0 ? string.Join("; ", errors) : null);
        }

        return new ProcessedPartitions(summaries, partitionReports, reports, files);
    }
}
