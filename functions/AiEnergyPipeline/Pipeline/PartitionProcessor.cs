using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// The middle step of an ingest, once per partition, on whichever instance its message reaches:
/// a conditional fetch of the partition's file; an unchanged file is reused from the
/// <see cref="PartitionCache"/>, a changed one normalised and cached; how it ended is recorded
/// for the plan, where completion reads it.
/// </summary>
public sealed partial class PartitionProcessor(
    IEnumerable<IPartitionedSource> sources,
    IEnumerable<IPartitionNormaliser> partitionNormalisers,
    IDatasetStore store,
    SecretRedactor redactor,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    IOptions<ParquetOutputOptions> parquet,
    IOptions<SourceLimitsOptions> limits,
    PipelineMetrics metrics,
    ILogger<PartitionProcessor> logger)
{
    private readonly PartitionCache _cache = new(store, parquet.Value.Compression);

    /// <summary>
    /// Processes one partition. Safe to run twice or concurrently: cache entries are keyed by
    /// content and written whole. A source or storage failure is the partition's outcome, not thrown.
    /// </summary>
    /// <exception cref="ArgumentException">The partition is not one of a partitioned source.</exception>
    public async Task<PartitionOutcome> ProcessAsync(IngestPlan plan, PartitionKey partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(partition);
        var source = PartitionedSources.Named(sources, partition.Source);
        var fileName = source.FileNameOf(partition.Name);
        var started = time.GetTimestamp();
        using var work = WorkFolder.Create(options.Value);
        var normaliser = NormaliserOf(partition.Source);
        await using var beside = normaliser.ReadsWhileDownloading
            ? new NormalisationBesideDownload(normaliser, work.Combine("parts-beside"), partition.Name, time, new PartitionQuarantine(limits.Value.MaxQuarantinedRowsPerFile), cancellationToken)
            : null;
        try
        {
            var archive = new RawArchive(store, work.Raw) { DownloadStarting = beside is null ? null : d => beside.Start(d, partition.Source, fileName), CheckedSince = plan.CreatedAtUtc };
            FetchedFile file;
            using (var fetchSpan = PipelineTelemetry.Start(PipelineTelemetry.FetchSpan))
            {
                fetchSpan?.SetTag(PipelineTelemetry.SourceTag, partition.Source);
                fetchSpan?.SetTag(PipelineTelemetry.PartitionTag, partition.Name);
                var fetchStarted = time.GetTimestamp();
                try
                {
                    file = await source.FetchPartitionAsync(partition.Name, archive, cancellationToken);
                }
                catch (Exception e) when (PipelineTelemetry.MarkFailed(fetchSpan, e))
                {
                    throw;
                }

                var downloaded = file.NotModified ? 0 : file.Bytes;
                fetchSpan?.SetTag("aienergy.bytes", downloaded);
                fetchSpan?.SetTag("aienergy.not_modified", file.NotModified);
                metrics.BytesFetched.Add(downloaded, PipelineMetrics.Tag(PipelineTelemetry.SourceTag, partition.Source));
                metrics.FetchDuration.Record(time.GetElapsedTime(fetchStarted).TotalSeconds, PipelineMetrics.Tag(PipelineTelemetry.SourceTag, partition.Source));
            }

            var summary = await _cache.ReadSummaryAsync(partition, file.Sha256, file.Origin, cancellationToken);
            var asItArrived = false;
            var status = PartitionStatus.Reused;
            if (summary is null)
            {
                status = PartitionStatus.Normalised;
                using var normaliseSpan = PipelineTelemetry.Start(PipelineTelemetry.NormaliseSpan);
                normaliseSpan?.SetTag(PipelineTelemetry.SourceTag, partition.Source);
                normaliseSpan?.SetTag(PipelineTelemetry.PartitionTag, partition.Name);
                (var result, var quarantine, asItArrived) = await NormaliseAsync(normaliser, beside, archive, file, work.Combine("parts"), partition, cancellationToken);
                normaliseSpan?.SetTag("aienergy.as_it_arrived", asItArrived);
                summary = await _cache.WriteAsync(partition, file, result, quarantine, cancellationToken);
                normaliseSpan?.SetTag("aienergy.rows_in", summary.RowsIn);
                normaliseSpan?.SetTag("aienergy.rows_out", summary.RowsOut);
                normaliseSpan?.SetTag("aienergy.rows_quarantined", summary.Quarantine.Count);
            }

            await _cache.WriteRecordAsync(new PartitionRecord(plan.PlanId, partition.Source, partition.Name, fileName, status, FetchState.Of(file),
                summary.RowsIn, summary.RowsOut, summary.Quarantine.Count, null, time.GetUtcNow()), cancellationToken);
            LogPartition(partition.ToString(), fileName, status, file.NotModified ? "not modified (304)" : $"{file.Bytes} bytes downloaded{(asItArrived ? ", normalised as they arrived" : "")}", summary.RowsOut,
                (long)time.GetElapsedTime(started).TotalMilliseconds);
            return new PartitionOutcome(partition, status, summary.RowsOut, null);
        }
        catch (Exception e) when (e is SourceException || StorageFailures.IsStorageFailure(e))
        {
            var error = redactor.Redact(e is SourceException ? e.Message : $"{partition.Source}: {fileName}: storage failed: {StorageFailures.Describe(e)}");
            LogSourceFailed(error);
            try
            {
                await _cache.WriteRecordAsync(new PartitionRecord(plan.PlanId, partition.Source, partition.Name, fileName, PartitionStatus.Failed, null, 0, 0, 0, error, time.GetUtcNow()), cancellationToken);
            }
            catch (Exception f) when (StorageFailures.IsStorageFailure(f))
            {
                // Completing the plan then finds no record for the partition and fails as clearly.
                LogSourceFailed(redactor.Redact($"{partition}: its outcome could not be recorded: {StorageFailures.Describe(f)}"));
            }

            return new PartitionOutcome(partition, PartitionStatus.Failed, 0, error);
        }
    }

    /// <summary>The outputs normalised beside the download when they can be used; else the archived file normalised now.</summary>
    private async Task<(PartitionResult Result, IReadOnlyList<QuarantineRecord> Quarantine, bool AsItArrived)> NormaliseAsync(IPartitionNormaliser normaliser, NormalisationBesideDownload? beside, RawArchive archive, FetchedFile file, string outputDirectory, PartitionKey partition, CancellationToken cancellationToken)
    {
        if (beside is not null)
        {
            if (await beside.ResultForAsync(file) is { } done)
            {
                return (done.Result, done.Quarantine, true);
            }

            LogNormalisedAfterDownload(partition.ToString(), beside.NotUsedBecause!);
        }

        await archive.EnsureLocalAsync(file, cancellationToken);
        var quarantine = new PartitionQuarantine(limits.Value.MaxQuarantinedRowsPerFile);
        var result = await normaliser.NormaliseAsync(file, outputDirectory, partition.Name, quarantine.Add, cancellationToken);
        return (result, quarantine.Records, false);
    }

    private IPartitionNormaliser NormaliserOf(string source) =>
        partitionNormalisers.FirstOrDefault(n => n.Source == source)
        ?? throw new InvalidOperationException($"no partition normaliser is registered for the partitioned source '{source}'.");

    [LoggerMessage(Level = LogLevel.Information, Message = "{Partition} ({File}): {Status}; {Fetch}; {Rows} rows; {Ms} ms")]
    private partial void LogPartition(string partition, string file, PartitionStatus status, string fetch, long rows, long ms);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Partition}: normalising the archived file, not the download as it arrived: {Reason}")]
    private partial void LogNormalisedAfterDownload(string partition, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Error}")]
    private partial void LogSourceFailed(string error);
}
