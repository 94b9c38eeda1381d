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
using System.Diagnostics;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// The one pipeline every adapter drives, in three steps (<see cref="IPartitionedIngest"/>):
/// plan (which partitions: one per EIA-930 BALANCE file and per EIA-860M vintage), process each partition (a conditional
/// fetch; an unchanged file is reused from the partition cache, a changed one normalised and
/// cached), complete (fetch every other source, normalise into tables, compute the gap, publish
/// the run, swing latest.json). Any source or partition that fails fails the run: nothing new is
/// published, the report says which and why, and latest.json stays where it was. A source whose
/// files are independent may go without one (an ISO's queue file): the run publishes, the source is
/// partial, and the report names the file, what is missing and why.
/// </summary>
public sealed partial class IngestPipeline(
    IEnumerable<ISource> sources,
    IEnumerable<INormaliser> normalisers,
    IEnumerable<IPartitionNormaliser> partitionNormalisers,
    IDatasetStore store,
    RunPublisher publisher,
    GapStage gap,
    SecretRedactor redactor,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ConfiguredRunMode configuredMode,
    SampleCatalogue samples,
    ILogger<IngestPipeline> logger) : IPartitionedIngest
{
    /// <summary>Bumped when a change to the code changes its outputs for the same inputs; part of the partition cache's key.</summary>
    public const string ModelVersion = "ingest-v6-gap-v3";

    private readonly PartitionCache _cache = new(store);

    /// <summary>Plan, every partition in this process one after another, then complete: the CLI's and the timer's run.</summary>
    public async Task<RunOutcome> RunAsync(string trigger, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(trigger, cancellationToken);
        for (var i = 0; i < plan.Partitions.Count; i++)
        {
            var partition = plan.Partitions[i];
            LogPartitionStarting(i + 1, plan.Partitions.Count, partition.ToString());
            var outcome = await ProcessPartitionAsync(plan, partition, cancellationToken);
            LogPartitionDone(i + 1, plan.Partitions.Count, partition.ToString(), outcome.Status, outcome.RowsOut);
        }

        return await CompleteAsync(plan, cancellationToken);
    }

    /// <summary>
    /// Reads each partitioned source's list (conditionally) and decides the partitions. Persists
    /// nothing. A list that cannot be fetched or read gives a plan without partitions that carries
    /// the failure, so that its completion reports it as any failed source is reported.
    /// </summary>
    public async Task<IngestPlan> PlanAsync(string trigger, CancellationToken cancellationToken)
    {
        var createdAt = time.GetUtcNow();
        var planId = RunId.Create(createdAt, Guid.NewGuid().ToString("N"));
        var workDirectory = NewWorkDirectory();
        try
        {
            var archive = new RawArchive(store, Path.Combine(workDirectory, "raw"));
            var partitions = new List<PartitionKey>();
            foreach (var source in sources.OfType<IPartitionedSource>())
            {
                partitions.AddRange((await source.PlanAsync(archive, cancellationToken)).Select(name => new PartitionKey(source.Name, name)));
            }

            LogPlanned(planId, partitions.Count, string.Join(", ", partitions.Select(p => p.Name)));
            return new IngestPlan(planId, trigger, createdAt, partitions);
        }
        catch (SourceException e)
        {
            var error = redactor.Redact(e.Message);
            LogSourceFailed(error);
            return new IngestPlan(planId, trigger, createdAt, [], new PlanFailure(e.SourceName, error));
        }
        finally
        {
            TryDelete(workDirectory);
        }
    }

    /// <summary>
    /// Fetches one partition conditionally; reuses its cached outputs when its bytes are unchanged,
    /// else normalises and caches them; records how it ended for this plan. Safe to run twice or
    /// concurrently: cache entries are keyed by content and written whole.
    /// </summary>
    /// <exception cref="ArgumentException">The partition is not one of a partitioned source.</exception>
    public async Task<PartitionOutcome> ProcessPartitionAsync(IngestPlan plan, PartitionKey partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(partition);
        var source = PartitionedSource(partition.Source);
        var fileName = source.FileNameOf(partition.Name);
        var clock = Stopwatch.StartNew();
        var workDirectory = NewWorkDirectory();
        try
        {
            var archive = new RawArchive(store, Path.Combine(workDirectory, "raw"));
            var file = await source.FetchPartitionAsync(partition.Name, archive, cancellationToken);
            var summary = await _cache.ReadSummaryAsync(partition, file.Sha256, cancellationToken);
            var status = PartitionStatus.Reused;
            if (summary is null)
            {
                status = PartitionStatus.Normalised;
                await archive.EnsureLocalAsync(file, cancellationToken);
                var quarantine = new List<QuarantineRecord>();
                var result = await PartitionNormaliser(partition.Source).NormaliseAsync(file, Path.Combine(workDirectory, "parts"), partition.Name, quarantine.Add, cancellationToken);
                summary = await _cache.WriteAsync(partition, file, result, quarantine, cancellationToken);
            }

            await _cache.WriteRecordAsync(new PartitionRecord(plan.PlanId, partition.Source, partition.Name, fileName, status, FetchState.Of(file),
                summary.RowsIn, summary.RowsOut, summary.Quarantine.Count, null, time.GetUtcNow()), cancellationToken);
            LogPartition(partition.ToString(), fileName, status, file.NotModified ? "not modified (304)" : $"{file.Bytes} bytes downloaded", summary.RowsOut, clock.ElapsedMilliseconds);
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
        finally
        {
            TryDelete(workDirectory);
        }
    }

    /// <summary>
    /// Reads every planned partition's record and cached summary (failing clearly when one is
    /// missing or failed), fetches the other sources, and normalises, computes and publishes the
    /// run, or says that its inputs are those of the latest run and publishes nothing.
    /// </summary>
    public async Task<RunOutcome> CompleteAsync(IngestPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var startedAt = plan.CreatedAtUtc;
        var clock = Stopwatch.StartNew();
        var trigger = plan.Trigger;
        if (plan.Failure is { } failure)
        {
            var planReports = new Dictionary<string, SourceReport> { [failure.Source] = new(failure.Source, SourceStatus.Failed, 0, [], 0, 0, 0, 0, failure.Error) };
            return await FailAsync(RunId.Create(startedAt, Hashing.Sha256OfText(failure.Error)), trigger, startedAt, clock, planReports, [], 0, failure.Error, [], null, cancellationToken);
        }

        var workDirectory = NewWorkDirectory();
        try
        {
            var archive = new RawArchive(store, Path.Combine(workDirectory, "raw"));
            var reports = new Dictionary<string, SourceReport>();
            var files = new Dictionary<string, IReadOnlyList<FetchedFile>>();
            var (summaries, partitionReports) = await ReadPartitionsAsync(plan, archive, reports, files, cancellationToken);
            var failedPartitions = reports.Values.Where(r => r.Status == SourceStatus.Failed).ToList();
            if (failedPartitions.Count > 0)
            {
                var runIdOfFailure = RunId.Create(startedAt, InputsHash(files));
                return await FailAsync(runIdOfFailure, trigger, startedAt, clock, reports, [], 0, string.Join("; ", failedPartitions.Select(f => f.Error)), partitionReports, files, cancellationToken);
            }

            var fetchFailures = new Dictionary<string, IReadOnlyList<FileFailure>>();
            foreach (var source in sources.Where(s => s is not IPartitionedSource))
            {
                var (fetched, report) = await FetchAsync(source, archive, cancellationToken);
                reports[source.Name] = report;
                if (fetched is not null)
                {
                    files[source.Name] = fetched.Files;
                    fetchFailures[source.Name] = fetched.Failures;
                }
            }

            var inputsSha256 = InputsHash(files, fetchFailures);
            var runId = RunId.Create(startedAt, inputsSha256);
            var failed = reports.Values.Where(r => r.Status == SourceStatus.Failed).ToList();
            if (failed.Count > 0)
            {
                return await FailAsync(runId, trigger, startedAt, clock, reports, [], 0, string.Join("; ", failed.Select(f => f.Error)), partitionReports, files, cancellationToken);
            }

            // Unchanged only against a whole latest run: a damaged one (or a damaged latest.json) is replaced.
            var (latest, latestETag, latestProblem) = await publisher.ReadIntactLatestAsync(cancellationToken);
            if (latest is not null && latest.InputsSha256 == inputsSha256)
            {
                var message = $"Unchanged: the inputs are those of run {latest.RunId}; nothing new was published.";
                LogUnchanged(latest.RunId);
                var report = Report(latest.RunId, RunStatus.Unchanged, trigger, startedAt, clock, message, reports, [], 0, partitionReports, files);
                return new RunOutcome(RunStatus.Unchanged, latest.RunId, latest.RunId, store.Description, message, report);
            }

            // Files the sources answered with 304 are copied from the raw archive now that a normaliser needs them.
            foreach (var file in files.Where(p => !IsPartitioned(p.Key)).SelectMany(p => p.Value))
            {
                await archive.EnsureLocalAsync(file, cancellationToken);
            }

            var staging = Path.Combine(workDirectory, "tables");
            await using var quarantineWriter = TableWriter.Create(staging, Schemas.Quarantine);
            var context = new NormaliseContext(files, staging, new QuarantineTable(quarantineWriter)) { Partitions = summaries, PartitionStore = store, FetchFailures = fetchFailures };
            var tables = new List<StagedTable>();
            foreach (var normaliser in normalisers)
            {
                var sourceClock = Stopwatch.StartNew();
                try
                {
                    tables.AddRange(await normaliser.NormaliseAsync(context, cancellationToken));
                }
                catch (SourceException e)
                {
                    var error = redactor.Redact(e.Message);
                    reports[e.SourceName] = reports[e.SourceName] with { Status = SourceStatus.Failed, Error = error };
                    return await FailAsync(runId, trigger, startedAt, clock, WithCounts(reports, context), [], context.Quarantine.Rows, error, partitionReports, files, cancellationToken);
                }

                LogNormalised(string.Join(", ", normaliser.Tables.Select(t => t.Name)), sourceClock.ElapsedMilliseconds);
            }

            if (await new QueueChangesStage(store, publisher).ComputeAsync(runId, tables, staging, context.CountsOf(QueuesSource.SourceName).Notes.Add, cancellationToken) is { } queueChanges)
            {
                tables.Add(queueChanges);
            }

            tables.Add(await quarantineWriter.CompleteAsync(cancellationToken));

            var computeClock = Stopwatch.StartNew();
            tables = [.. await gap.LearnCompletionWeightsAsync(tables, cancellationToken)];
            try
            {
                tables.AddRange(await gap.ComputeAsync(runId, tables, context.FilesOf(CuratedSource.SourceName), staging, RunMode.Of(files.Values.SelectMany(f => f)) == RunMode.Sample, cancellationToken));
            }
            catch (GapException e)
            {
                // A gap that cannot be computed fails the run as a failed source does: nothing is published.
                var error = redactor.Redact($"gap: {e.Message}");
                return await FailAsync(runId, trigger, startedAt, clock, WithCounts(reports, context), [], context.Quarantine.Rows, error, partitionReports, files, cancellationToken);
            }

            LogComputed(computeClock.ElapsedMilliseconds);
            var parquetClock = Stopwatch.StartNew();
            tables = await ParquetSiblings.AddAsync(tables, cancellationToken);
            LogParquet(parquetClock.ElapsedMilliseconds);
            var tableReports = TableReport.Of(tables);
            var finalReports = WithCounts(reports, context);
            var publishedMessage = $"Published run {runId}: {string.Join(", ", tableReports.Where(t => t.Format == "csv").Select(t => $"{t.Name} {t.Rows} rows"))}."
                + PartialNote(finalReports) + (latestProblem is null ? "" : RunPublisher.RepairNote(latestProblem));
            var runReport = Report(runId, RunStatus.Published, trigger, startedAt, clock, publishedMessage, finalReports, tableReports, context.Quarantine.Rows, partitionReports, files);
            var package = DataPackageBuilder.Build(runId, startedAt, inputsSha256, tables, files.Values.SelectMany(f => f).Select(samples.Describe).ToList(), sources.ToDictionary(s => s.Name, s => s.Citation));
            bool isLatest;
            try
            {
                isLatest = await publisher.PublishAsync(package, tables, runReport, latestETag, cancellationToken);
            }
            catch (Exception e) when (StorageFailures.IsStorageFailure(e))
            {
                // latest.json is written last, so a run cut off part-way is never pointed at;
                // its partial files stay under runs/{runId}/ beside a report that says it failed.
                var error = redactor.Redact($"publish failed: {StorageFailures.Describe(e)}");
                return await FailAsync(runId, trigger, startedAt, clock, finalReports, tableReports, context.Quarantine.Rows, error, partitionReports, files, cancellationToken);
            }

            var latestRunId = isLatest ? runId : await publisher.LatestRunIdOrNullAsync(cancellationToken);
            LogPublished(runId, store.Description);
            var outcomeMessage = isLatest ? publishedMessage : publishedMessage + RunPublisher.NotLatestNote(latestRunId);
            return new RunOutcome(RunStatus.Published, runId, latestRunId, store.Description, outcomeMessage, runReport with { Message = outcomeMessage });
        }
        finally
        {
            TryDelete(workDirectory);
        }
    }

    /// <summary>
    /// Each planned partition as this plan left it: its file (from its record) and its cached
    /// summary. A partition not processed, failed, or whose cache entry is gone fails its source.
    /// </summary>
    private async Task<(List<PartitionSummary> Summaries, List<PartitionReport> Reports)> ReadPartitionsAsync(
        IngestPlan plan, RawArchive archive, Dictionary<string, SourceReport> reports, Dictionary<string, IReadOnlyList<FetchedFile>> files, CancellationToken cancellationToken)
    {
        var summaries = new List<PartitionSummary>();
        var partitionReports = new List<PartitionReport>();
        foreach (var group in plan.Partitions.GroupBy(p => p.Source))
        {
            var clock = Stopwatch.StartNew();
            var source = PartitionedSource(group.Key);
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
                    summary = await _cache.ReadSummaryAsync(key, record!.Fetched!.Sha256, cancellationToken);
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
                fetched.Add(state.ToFetchedFile(archive.NewLocalPath(key.Source, "csv"), state.FetchedAtUtc) with { AlreadyArchived = record.Status == PartitionStatus.Reused });
                partitionReports.Add(new PartitionReport(key.Source, key.Name, fileName, record.Status, state.Sha256, state.Bytes, summary.RowsIn, summary.RowsOut, summary.Quarantine.Count, null));
            }

            files[source.Name] = fetched;
            var fileReports = fetched.Select(f => new FileReport(f.FileName, f.RawPath, f.Sha256, f.Bytes, f.AlreadyArchived)).ToList();
            reports[source.Name] = new SourceReport(source.Name, errors.Count > 0 ? SourceStatus.Failed : SourceStatus.Succeeded, clock.ElapsedMilliseconds, fileReports, 0, 0, 0, 0,
                errors.Count > 0 ? string.Join("; ", errors) : null);
        }

        return (summaries, partitionReports);
    }

    private IPartitionedSource PartitionedSource(string name) =>
        sources.OfType<IPartitionedSource>().FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"'{name}' is not a partitioned source of this pipeline.", nameof(name));

    private IPartitionNormaliser PartitionNormaliser(string source) =>
        partitionNormalisers.FirstOrDefault(n => n.Source == source)
        ?? throw new InvalidOperationException($"no partition normaliser is registered for the partitioned source '{source}'.");

    private bool IsPartitioned(string sourceName) => sources.OfType<IPartitionedSource>().Any(s => s.Name == sourceName);

    private string NewWorkDirectory() =>
        Path.Combine(Settings.ValueOrNull(options.Value.WorkDirectory) ?? Path.Combine(Path.GetTempPath(), "aienergy"), Guid.NewGuid().ToString("N"));

    private async Task<(SourceFetch? Fetched, SourceReport Report)> FetchAsync(ISource source, RawArchive archive, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        LogFetching(source.Name);
        try
        {
            var fetched = await source.FetchEachAsync(archive, cancellationToken);
            var fileReports = fetched.Files.Select(f => new FileReport(f.FileName, f.RawPath, f.Sha256, f.Bytes, f.AlreadyArchived)).ToList();
            var failures = fetched.Failures.Select(f => f with { Error = redactor.Redact(f.Error) }).ToList();
            return (fetched with { Failures = failures }, new SourceReport(source.Name, failures.Count > 0 ? SourceStatus.Partial : SourceStatus.Succeeded, clock.ElapsedMilliseconds, fileReports, 0, 0, 0, 0, null,
                FailedFiles: failures.Count > 0 ? failures : null));
        }
        catch (SourceException e)
        {
            var error = redactor.Redact(e.Message);
            LogSourceFailed(error);
            return (null, new SourceReport(source.Name, SourceStatus.Failed, clock.ElapsedMilliseconds, [], 0, 0, 0, 0, error));
        }
    }

}
