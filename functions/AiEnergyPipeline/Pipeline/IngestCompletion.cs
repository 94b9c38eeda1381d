using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// The last step of an ingest, once per plan: reads every planned partition's outcome, fetches
/// the other sources, and normalises, computes the gap and publishes the run (swinging
/// latest.json last), or says that its inputs are those of the latest run and publishes nothing.
/// Any source or partition that fails fails the run: nothing new is published, the report says
/// which and why, and latest.json stays where it was.
/// </summary>
public sealed partial class IngestCompletion(
    IEnumerable<ISource> sources,
    IEnumerable<INormaliser> normalisers,
    IDatasetStore store,
    RunPublisher publisher,
    GapStage gap,
    SecretRedactor redactor,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    SampleCatalogue samples,
    ProcessedPartitionsReader partitions,
    SourceFetcher fetcher,
    IngestRunReports runReports,
    FailedRunRecorder failures,
    IOptions<ParquetOutputOptions> parquet,
    PipelineMetrics metrics,
    ILogger<IngestCompletion> logger)
{
    public async Task<RunOutcome> CompleteAsync(IngestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var startedAt = plan.CreatedAtUtc;
        var clock = runReports.ClockOf(plan);
        if (plan.Failure is { } failure)
        {
            var planReports = new Dictionary<string, SourceReport> { [failure.Source] = new(failure.Source, SourceStatus.Failed, 0, [], 0, 0, 0, 0, failure.Error) };
            return await FailAsync(plan, clock, RunId.Create(startedAt, Hashing.Sha256OfText(failure.Error)), failure.Error, planReports, [], 0, [], null, cancellationToken);
        }

        using var work = WorkFolder.Create(options.Value);
        var archive = new RawArchive(store, work.Raw);
        var processed = await partitions.ReadAsync(plan, archive, cancellationToken);
        var reports = new Dictionary<string, SourceReport>(processed.Sources);
        var files = new Dictionary<string, IReadOnlyList<FetchedFile>>(processed.Files);
        var partitionReports = processed.Reports;
        var failedPartitions = reports.Values.Where(r => r.Status == SourceStatus.Failed).ToList();
        if (failedPartitions.Count > 0)
        {
            var runIdOfFailure = RunId.Create(startedAt, IngestInputsHash.Of(files, compression: parquet.Value.Compression));
            return await FailAsync(plan, clock, runIdOfFailure, string.Join("; ", failedPartitions.Select(f => f.Error)), reports, [], 0, partitionReports, files, cancellationToken);
        }

        var fetchFailures = new Dictionary<string, IReadOnlyList<FileFailure>>();
        foreach (var source in sources.Where(s => s is not IPartitionedSource))
        {
            var (fetched, report) = await fetcher.FetchAsync(source, archive, cancellationToken);
            reports[source.Name] = report;
            if (fetched is not null)
            {
                files[source.Name] = fetched.Files;
                fetchFailures[source.Name] = fetched.Failures;
            }
        }

        var inputsSha256 = IngestInputsHash.Of(files, fetchFailures, parquet.Value.Compression);
        var runId = RunId.Create(startedAt, inputsSha256);
        // From here on every line names the run as well as the plan.
        using var runScope = RunLogScope.Run(logger, runId);
        System.Diagnostics.Activity.Current?.SetTag(PipelineTelemetry.RunIdTag, runId);
        var failed = reports.Values.Where(r => r.Status == SourceStatus.Failed).ToList();
        if (failed.Count > 0)
        {
            return await FailAsync(plan, clock, runId, string.Join("; ", failed.Select(f => f.Error)), reports, [], 0, partitionReports, files, cancellationToken);
        }

        // Unchanged only against a whole latest run: a damaged one (or a damaged latest.json) is replaced.
        // The hash counts each file's origin, as every row says it: a live run that finds a replay's bytes
        // publishes them again as fetched, while a replay of the latest live run's bytes is that run.
        var (latest, latestETag, latestProblem) = await publisher.ReadIntactLatestAsync(cancellationToken);
        if (latest is not null && (latest.InputsSha256 == inputsSha256 || latest.InputsSha256 == IngestInputsHash.AsFetched(files, fetchFailures, parquet.Value.Compression)))
        {
            var message = $"Unchanged: the inputs are those of run {latest.RunId}, and so is the model ({IngestPipeline.OutputsVersion(parquet.Value.Compression)}); nothing new was published.";
            LogUnchanged(latest.RunId);
            var report = runReports.Create(plan, clock, latest.RunId, RunStatus.Unchanged, message, reports.Values, [], 0, partitionReports, files);
            return new RunOutcome(RunStatus.Unchanged, latest.RunId, latest.RunId, store.Description, message, report);
        }

        // Made from sample files: said in every output, and never compared with a run that is not.
        var sample = RunMode.Of(files.Values.SelectMany(f => f)) == RunMode.Sample;
        if (sample && latest is not null && !latest.Sample)
        {
            // An offline `aienergy run` pointed at a store of real data (or an app left in snapshot
            // mode) must not swing its latest.json to invented numbers.
            return await FailAsync(plan, clock, runId, SampleOverRealData(latest), reports, [], 0, partitionReports, files, cancellationToken);
        }

        // Files the sources answered with 304 are copied from the raw archive now that a normaliser needs them.
        foreach (var file in files.Where(p => !IsPartitioned(p.Key)).SelectMany(p => p.Value))
        {
            await archive.EnsureLocalAsync(file, cancellationToken);
        }

        var staging = work.Tables;
        // Each quarantined row says the origin of the file it was read from (a run may mix them).
        var originByRawPath = files.Values.SelectMany(f => f).GroupBy(f => f.RawPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => RowOrigin.Of(g), StringComparer.Ordinal);
        var runOrigin = RowOrigin.Of(files.Values.SelectMany(f => f));
        await using var quarantineWriter = TableWriter.Create(staging, Schemas.Quarantine, runOrigin);
        var quarantine = new QuarantineTable(quarantineWriter, r => originByRawPath.GetValueOrDefault(r.RawPath, runOrigin));
        var context = new NormaliseContext(files, staging, quarantine) { Partitions = processed.Summaries, PartitionStore = store, FetchFailures = fetchFailures };
        var tables = new List<StagedTable>();
        foreach (var normaliser in normalisers)
        {
            var started = time.GetTimestamp();
            using var normaliseSpan = PipelineTelemetry.Start(PipelineTelemetry.NormaliseSpan);
            normaliseSpan?.SetTag(PipelineTelemetry.SourceTag, string.Join(",", normaliser.Sources));
            normaliseSpan?.SetTag("aienergy.tables", string.Join(",", normaliser.Tables.Select(t => t.Name)));
            try
            {
                tables.AddRange(await normaliser.NormaliseAsync(context, cancellationToken));
                metrics.StepDuration.Record(time.GetElapsedTime(started).TotalSeconds, PipelineMetrics.Tag("aienergy.step", PipelineTelemetry.NormaliseSpan));
            }
            catch (SourceException e)
            {
                var error = redactor.Redact(e.Message);
                PipelineTelemetry.Fail(normaliseSpan, nameof(SourceException), error);
                reports[e.SourceName] = reports[e.SourceName] with { Status = SourceStatus.Failed, Error = error };
                return await FailAsync(plan, clock, runId, error, IngestRunReports.WithCounts(reports, context, redactor), [], context.Quarantine.Rows, partitionReports, files, cancellationToken);
            }

            LogNormalised(string.Join(", ", normaliser.Tables.Select(t => t.Name)), ElapsedMs(started));
        }

        if (await new QueueChangesStage(store, publisher).ComputeAsync(runId, tables, staging, sample, context.OriginOf(Schemas.QueueChanges.Sources), context.CountsOf(QueuesSource.SourceName).Notes.Add, cancellationToken) is { } queueChanges)
        {
            tables.Add(queueChanges);
        }

        tables.Add(await quarantineWriter.CompleteAsync(cancellationToken));

        var computeStarted = time.GetTimestamp();
        tables = [.. await gap.LearnCompletionWeightsAsync(tables, cancellationToken)];
        var gapSpan = PipelineTelemetry.Start(PipelineTelemetry.GapSpan);
        try
        {
            var queuesNotRead = context.FetchFailuresOf(QueuesSource.SourceName).Concat(context.CountsOf(QueuesSource.SourceName).Failures).Select(f => f.Missing);
            tables.AddRange(await gap.ComputeAsync(runId, tables, context.FilesOf(CuratedSource.SourceName), staging, sample, cancellationToken, queuesNotRead: queuesNotRead, origins: RowOrigin.BySource(files.Values.SelectMany(f => f).Select(f => (f.Source, f.Origin)))));
            metrics.StepDuration.Record(time.GetElapsedTime(computeStarted).TotalSeconds, PipelineMetrics.Tag("aienergy.step", PipelineTelemetry.GapSpan));
        }
        catch (GapException e)
        {
            // A gap that cannot be computed fails the run as a failed source does: nothing is published.
            var error = redactor.Redact($"gap: {e.Message}");
            PipelineTelemetry.Fail(gapSpan, nameof(GapException), error);
            gapSpan?.Dispose();
            return await FailAsync(plan, clock, runId, error, IngestRunReports.WithCounts(reports, context, redactor), [], context.Quarantine.Rows, partitionReports, files, cancellationToken);
        }
        finally
        {
            gapSpan?.Dispose();
        }

        LogComputed(ElapsedMs(computeStarted));
        var parquetStarted = time.GetTimestamp();
        // A footer says sample where the table's rows do: not on the curated citations of a sample run.
        var inputFiles = files.Values.SelectMany(f => f).Select(f => new DataPackageBuilder.InputFile(f.Source, f.Sha256, f.Origin)).ToList();
        tables = await ParquetSiblings.AddAsync(tables, parquet.Value.Compression, cancellationToken, t => DataPackageBuilder.OriginOf(t, inputFiles) == OriginColumn.Sample);
        LogParquet(ElapsedMs(parquetStarted));
        var tableReports = TableReport.Of(tables);
        var finalReports = IngestRunReports.WithCounts(reports, context, redactor);
        var publishedMessage = $"Published run {runId}: {string.Join(", ", tableReports.Where(t => t.Format == "csv").Select(t => $"{t.Name} {t.Rows} rows"))}."
            + IngestRunReports.PartialNote(finalReports) + (latestProblem is null ? "" : RunPublisher.RepairNote(latestProblem));
        var runReport = runReports.Create(plan, clock, runId, RunStatus.Published, publishedMessage, finalReports.Values, tableReports, context.Quarantine.Rows, partitionReports, files);
        var package = DataPackageBuilder.Build(runId, startedAt, inputsSha256, IngestPipeline.OutputsVersion(parquet.Value.Compression), tables, files.Values.SelectMany(f => f).Select(samples.Describe).ToList(), sources.ToDictionary(s => s.Name, s => s.Citation));
        bool isLatest;
        var publishStarted = time.GetTimestamp();
        using var publishSpan = PipelineTelemetry.Start(PipelineTelemetry.PublishSpan);
        publishSpan?.SetTag(PipelineTelemetry.RunIdTag, runId);
        try
        {
            isLatest = await publisher.PublishAsync(package, tables, runReport, latestETag, cancellationToken);
            publishSpan?.SetTag("aienergy.latest", isLatest);
            metrics.StepDuration.Record(time.GetElapsedTime(publishStarted).TotalSeconds, PipelineMetrics.Tag("aienergy.step", PipelineTelemetry.PublishSpan));
        }
        catch (Exception e) when (StorageFailures.IsStorageFailure(e))
        {
            PipelineTelemetry.Fail(publishSpan, e);
            // latest.json is written last, so a run cut off part-way is never pointed at;
            // its partial files stay under runs/{runId}/ beside a report that says it failed.
            var error = redactor.Redact($"publish failed: {StorageFailures.Describe(e)}");
            return await FailAsync(plan, clock, runId, error, finalReports, tableReports, context.Quarantine.Rows, partitionReports, files, cancellationToken);
        }

        var latestRunId = isLatest ? runId : await publisher.LatestRunIdOrNullAsync(cancellationToken);
        LogPublished(runId, store.Description);
        var outcomeMessage = isLatest ? publishedMessage : publishedMessage + RunPublisher.NotLatestNote(latestRunId);
        return new RunOutcome(RunStatus.Published, runId, latestRunId, store.Description, outcomeMessage, runReport with { Message = outcomeMessage });
    }

    /// <summary>Why a run made from sample files is not published over a store whose latest run is real data.</summary>
    public static string SampleOverRealData(LatestPointer latest) =>
        $"this run is made from sample files, and the store's latest run {latest.RunId} is {latest.Mode ?? RunMode.Live} data: a sample never replaces real data as latest. "
        + "Publish samples to another store (--store, PublishedStorage__Path), or run with live sources (--live, Pipeline__Mode=Live).";

    private Task<RunOutcome> FailAsync(IngestPlan plan, RunClock clock, string runId, string error, IReadOnlyDictionary<string, SourceReport> reports, IReadOnlyList<TableReport> tables,
        long quarantined, IReadOnlyList<PartitionReport> partitionReports, IReadOnlyDictionary<string, IReadOnlyList<FetchedFile>>? files, CancellationToken cancellationToken)
    {
        var message = FailedRunRecorder.Message($"Run {runId}", error);
        var report = runReports.Create(plan, clock, runId, RunStatus.Failed, message, reports.Values, tables, quarantined, partitionReports, files);
        return failures.RecordAsync(report, derivedFrom: null, cancellationToken);
    }

    private bool IsPartitioned(string sourceName) => sources.OfType<IPartitionedSource>().Any(s => s.Name == sourceName);

    private long ElapsedMs(long started) => (long)time.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Information, Message = "normalised {Tables} in {Ms} ms")]
    private partial void LogNormalised(string tables, long ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "computed the gap in {Ms} ms")]
    private partial void LogComputed(long ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "wrote the tables' Parquet siblings in {Ms} ms")]
    private partial void LogParquet(long ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "inputs unchanged since run {RunId}: nothing to publish")]
    private partial void LogUnchanged(string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "published run {RunId} to {Store}")]
    private partial void LogPublished(string runId, string store);
}
