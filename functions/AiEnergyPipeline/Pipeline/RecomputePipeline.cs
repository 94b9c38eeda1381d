using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Pipeline.Sweep;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Diagnostics;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// Recomputes the gap of the latest run with an operator's overrides, without fetching: the
/// tables the gap reads are downloaded from the latest run, the request applied, the gap computed,
/// and a new run published with the same tables (byte for byte: every other table and every Parquet
/// sibling, ba_hourly's parts among them, is copied within the store, never downloaded), the new
/// gap and its Parquet siblings.
/// The inputs hash is that of the ingested data plus the request, so the same request twice
/// publishes once, and an empty request hashes as the ingest did.
/// </summary>
public sealed partial class RecomputePipeline(
    IDatasetStore store,
    RunPublisher publisher,
    GapStage gap,
    FailedRunRecorder failures,
    TimeProvider time,
    PipelineMetrics metrics,
    IOptions<PipelineOptions> options,
    IOptions<ParquetOutputOptions> parquet,
    ILogger<RecomputePipeline> logger)
{
    public const string Trigger = "recompute";
    public const string NothingPublishedMessage = "nothing has been published yet: run an ingest first";

    /// <summary>What to do about a damaged latest run: a recompute derives from it, so only an ingest can replace it.</summary>
    public const string DamagedLatestAdvice = "There is no whole run to recompute from: run an ingest ('aienergy run'), which publishes a new run in its place.";

    /// <param name="latestRead">
    /// latest.json as the caller read it (<see cref="RecomputeEntry"/>, which took the request's
    /// limits from the run it names): that run is recomputed, and latest.json is not read again.
    /// </param>
    /// <param name="trigger">Who asked (http, cli): said in the message; the report's trigger is always "recompute".</param>
    public async Task<RunOutcome> RunAsync(RecomputeRequest request, LatestRead latestRead, string trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(latestRead);
        using var span = PipelineTelemetry.Start(PipelineTelemetry.RecomputeRunSpan);
        span?.SetTag(PipelineTelemetry.TriggerTag, trigger);
        var outcome = await RecomputeAsync(request, latestRead, trigger, cancellationToken);
        var status = outcome.Status.ToString().ToLowerInvariant();
        span?.SetTag(PipelineTelemetry.RunIdTag, outcome.RunId);
        span?.SetTag(PipelineTelemetry.DerivedFromTag, outcome.DerivedFrom);
        span?.SetTag(PipelineTelemetry.OutcomeTag, status);
        if (!outcome.Succeeded)
        {
            PipelineTelemetry.Fail(span, "run_failed", outcome.Message);
        }

        metrics.RunEnded("recompute", status, TimeSpan.FromMilliseconds(outcome.Report.DurationMs));
        return outcome;
    }

    private async Task<RunOutcome> RecomputeAsync(RecomputeRequest request, LatestRead latestRead, string trigger, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var (latest, latestETag, problem) = await publisher.CheckIntactAsync(latestRead, cancellationToken);
        if (problem is not null)
        {
            // Nothing to derive from: the failure is reported, and an ingest repairs the store.
            var message = $"Recompute failed, nothing was published: {problem} {DamagedLatestAdvice}";
            return new RunOutcome(RunStatus.Failed, "", null, store.Description, message, Report("", RunStatus.Failed, startedAt, clock, message, []));
        }

        if (latest is null)
        {
            // Nothing is written: there is no run to derive from and no run id to report under.
            var empty = Report("", RunStatus.Failed, startedAt, clock, NothingPublishedMessage, []);
            return new RunOutcome(RunStatus.Failed, "", null, store.Description, NothingPublishedMessage, empty);
        }

        var previous = await PublishedRun.ReadPackageAsync(store, latest.RunId, cancellationToken);
        var baseInputs = previous.SourceInputsSha256;
        var inputsSha256 = InputsHash(baseInputs, request);
        var modelVersion = IngestPipeline.OutputsVersion(parquet.Value.Compression);
        // The same inputs made by an older model are not these outputs: the gap is computed again.
        if (inputsSha256 == latest.InputsSha256 && previous.ModelVersion == modelVersion)
        {
            var message = $"Unchanged: run {latest.RunId} already has these inputs and overrides, made by this model ({modelVersion}); nothing new was published.";
            LogUnchanged(latest.RunId);
            var report = Report(latest.RunId, RunStatus.Unchanged, startedAt, clock, message, [], previous.Mode);
            return new RunOutcome(RunStatus.Unchanged, latest.RunId, latest.RunId, store.Description, message, report, previous.DerivedFrom);
        }

        var runId = RunId.Create(startedAt, inputsSha256);
        using var runScope = RunLogScope.Run(logger, runId);
        var work = WorkFolder.Create(options.Value);
        try
        {
            var staging = work.Tables;
            List<StagedTable> tables;
            IReadOnlyList<StagedTable> outputs;
            try
            {
                tables = await DownloadTablesAsync(previous, staging, cancellationToken);
                var raw = work.Raw;
                var regions = await DownloadCuratedAsync(previous, GapInputsReader.RegionsFileName, raw, cancellationToken);
                var published = GapInputsReader.Read(tables, regions.LocalPath);
                if (RecomputeOverrides.ChangesDemandConversion(request))
                {
                    // Energy and share figures become capacity with a load factor and consumption: convert them again.
                    var curated = await DownloadCuratedAsync(previous, DemandScenariosCsv.FileName, raw, cancellationToken);
                    await using var content = File.OpenRead(curated.LocalPath);
                    published = published with { Scenarios = RecomputeOverrides.ConvertScenarios(content, curated, RecomputeOverrides.Assumptions(published.Assumptions, request)) };
                }

                var (inputs, settings) = RecomputeOverrides.Apply(published, request);
                if (settings.AddQueueTail)
                {
                    // The run's own queue tables, downloaded only when the tail is on; they are published by copy as before.
                    // A queue whose files all failed in the run has no row to say so: the run's report names it.
                    var notRead = ((await PublishedRun.TryReadReportAsync(store, latest.RunId, cancellationToken))?.Sources ?? [])
                        .Where(s => s.Name == SourceNames.Queues).SelectMany(s => s.FailedFiles ?? []).Select(f => f.Missing);
                    inputs = inputs with { QueueTail = (await DownloadQueueTailAsync(previous, raw, cancellationToken)).WithQueuesNotRead(notRead) };
                }

                // A recompute of a sample run is a sample run: its inputs are the same sample files.
                using var gapSpan = PipelineTelemetry.Start(PipelineTelemetry.GapSpan);
                outputs = await gap.ComputeAsync(runId, inputs, staging, previous.Sample, cancellationToken, settings, RowOrigin.BySource(previous.Sources.Select(s => (s.Name, s.Origin))));
            }
            catch (DamagedRunException e)
            {
                // A table or curated file of the run changed in the store since it was published: nothing is derived from it.
                var error = FailedRunRecorder.Message($"Recompute {runId} of run {latest.RunId}", e.Message);
                return await failures.RecordAsync(Report(runId, RunStatus.Failed, startedAt, clock, error, [], previous.Mode), latest.RunId, cancellationToken);
            }
            catch (GapException e)
            {
                var error = FailedRunRecorder.Message($"Recompute {runId} of run {latest.RunId}", $"gap: {e.Message}");
                return await failures.RecordAsync(Report(runId, RunStatus.Failed, startedAt, clock, error, [], previous.Mode), latest.RunId, cancellationToken);
            }

            var inputFiles = previous.Sources.Select(s => new DataPackageBuilder.InputFile(s.Name, s.Sha256, s.Origin)).ToList();
            var all = await ParquetSiblings.AddAsync(tables.Concat(outputs), parquet.Value.Compression, cancellationToken, t => DataPackageBuilder.OriginOf(t, inputFiles) == OriginColumn.Sample);
            var tableReports = TableReport.Of(all);
            var publishedMessage = $"Published run {runId}, recomputed ({trigger}) from run {latest.RunId}: {string.Join(", ", outputs.Select(t => t.IsTable ? $"{t.Schema.Name} {t.Rows} rows" : t.Schema.Name))}.";
            // The inputs are the run's it derives from, as read then: a source it read in part still is (the page names it).
            var runReport = Report(runId, RunStatus.Published, startedAt, clock, publishedMessage, tableReports, previous.Mode) with { Sources = (await PublishedRun.TryReadReportAsync(store, latest.RunId, cancellationToken))?.Sources ?? [] };
            var package = previous with
            {
                Id = runId,
                Created = startedAt,
                InputsSha256 = inputsSha256,
                Resources = DataPackageBuilder.Resources(all, inputFiles),
                DerivedFrom = latest.RunId,
                Overrides = RecomputeCanonicalJson.ToElement(request),
                BaseInputsSha256 = baseInputs,
                ModelVersion = modelVersion,
                CodeVersion = CodeVersion.Current,
            };
            bool isLatest;
            using var publishSpan = PipelineTelemetry.Start(PipelineTelemetry.PublishSpan);
            publishSpan?.SetTag(PipelineTelemetry.RunIdTag, runId);
            try
            {
                isLatest = await publisher.PublishAsync(package, all, runReport, latestETag, cancellationToken);
            }
            catch (Exception e) when (StorageFailures.IsStorageFailure(e))
            {
                PipelineTelemetry.Fail(publishSpan, e);
                // As for an ingest: latest.json is swung last, so it stays on the run this one derives from.
                var error = FailedRunRecorder.Message($"Recompute {runId} of run {latest.RunId}", $"publish failed: {StorageFailures.Describe(e)}");
                return await failures.RecordAsync(Report(runId, RunStatus.Failed, startedAt, clock, error, [], previous.Mode), latest.RunId, cancellationToken);
            }

            var latestRunId = isLatest ? runId : await publisher.LatestRunIdOrNullAsync(cancellationToken);
            LogPublished(runId, latest.RunId, store.Description);
            var outcomeMessage = isLatest ? publishedMessage : publishedMessage + RunPublisher.NotLatestNote(latestRunId);
            return new RunOutcome(RunStatus.Published, runId, latestRunId, store.Description, outcomeMessage, runReport with { Message = outcomeMessage }, latest.RunId);
        }
        finally
        {
            work.Dispose();
        }
    }

    /// <summary>The ingested inputs' hash alone for an empty request (so it is the ingest's), else with the canonical request.</summary>
    public static string InputsHash(string baseInputsSha256, RecomputeRequest request) =>
        request.IsEmpty ? baseInputsSha256 : Hashing.Sha256OfText($"{baseInputsSha256}\nrecompute\n{RecomputeCanonicalJson.ToText(request)}");

    /// <summary>
    /// Every data/ resource of the run: the gap's inputs (CSV) streamed to the staging folder and
    /// checked against the package's hash; every other one left in the store, to be copied there.
    /// </summary>
    private async Task<List<StagedTable>> DownloadTablesAsync(DataPackage package, string staging, CancellationToken cancellationToken)
    {
        var tables = new List<StagedTable>();
        foreach (var resource in package.Resources.Where(r => r.Path.StartsWith(StagedTable.DataFolder + "/", StringComparison.Ordinal)))
        {
            var schema = Schemas.ByName(resource.TableName)
                ?? throw new InvalidOperationException($"run {package.Id}: the table '{resource.TableName}' is not one this version knows.");
            if (resource.Part is not null || resource.Format != "csv" || !GapInputsReader.Tables.Contains(schema.Name))
            {
                tables.Add(new StagedTable(schema, "", resource.Format, resource.RowCount ?? 0, resource.Bytes, resource.Sha256, StagedTable.DataFolder, resource.Part, PublishedRun.PathOf(package, resource)) { Inputs = resource.Sources });
                continue;
            }

            var local = Path.Combine(staging, StagedTable.DataFolder, $"{schema.Name}.{resource.Format}");
            await DownloadAsync(PublishedRun.PathOf(package, resource), local, cancellationToken);
            var (sha256, bytes) = await Hashing.Sha256OfFileAsync(local, cancellationToken);
            if (sha256 != resource.Sha256)
            {
                throw Damaged(package, resource, sha256);
            }

            tables.Add(new StagedTable(schema, local, resource.Format, resource.RowCount ?? 0, bytes, sha256) { Inputs = resource.Sources });
        }

        return tables;
    }

    /// <summary>The queue supply tail's inputs from the run's queue_projects and queue_completion_rates (CSV, checked against the package's hash).</summary>
    private async Task<QueueTailInputs> DownloadQueueTailAsync(DataPackage package, string folder, CancellationToken cancellationToken)
    {
        var paths = new List<string?>();
        foreach (var name in QueueTailReader.Tables)
        {
            var resource = package.Resources.FirstOrDefault(r => r.TableName == name && r.Format == "csv" && r.Part is null && r.Path.StartsWith(StagedTable.DataFolder + "/", StringComparison.Ordinal));
            if (resource is null)
            {
                paths.Add(null);
                continue;
            }

            var local = Path.Combine(folder, QueueTailFolder, $"{name}.csv");
            await DownloadAsync(PublishedRun.PathOf(package, resource), local, cancellationToken);
            var (sha256, _) = await Hashing.Sha256OfFileAsync(local, cancellationToken);
            if (sha256 != resource.Sha256)
            {
                throw Damaged(package, resource, sha256);
            }

            paths.Add(local);
        }

        return QueueTailReader.Read(paths[0], paths[1]);
    }

    private const string QueueTailFolder = "queue-tail";

    private static DamagedRunException Damaged(DataPackage package, DataResource resource, string sha256) =>
        new($"run {package.Id}: {resource.Path} is damaged in the store: its bytes have sha256 {sha256}, not {resource.Sha256} as its datapackage.json lists.");

    /// <summary>A curated file the run fetched, from the raw archive, as the fetch described it.</summary>
    private async Task<FetchedFile> DownloadCuratedAsync(DataPackage package, string fileName, string folder, CancellationToken cancellationToken)
    {
        var source = package.Sources.FirstOrDefault(s => s.Name == CuratedSource.SourceName && s.FileName == fileName)
            ?? throw new GapException($"run {package.Id} did not fetch the curated file {fileName}.");
        var local = Path.Combine(folder, fileName);
        await DownloadAsync(source.RawPath, local, cancellationToken);
        return new FetchedFile(source.Name, source.FileName, source.RawPath, source.Sha256, source.Bytes, source.Path, source.FetchedAt ?? package.Created, source.Etag, source.LastModified, local, AlreadyArchived: true,
            Origin: source.Origin, SampleOf: source.SampleOf, RecordedAtUtc: source.RecordedAt);
    }

    private async Task DownloadAsync(string path, string localPath, CancellationToken cancellationToken)
    {
        await using var opened = await store.OpenReadAsync(path, cancellationToken)
            ?? throw new DamagedRunException($"{path} is missing from {store.Description}, although the run's datapackage.json lists it.");
        Directory.CreateDirectory(Path.GetDirectoryName(localPath)!);
        await using var file = new FileStream(localPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await opened.Content.CopyToAsync(file, cancellationToken);
    }

    private static RunReport Report(string runId, RunStatus status, DateTimeOffset startedAt, Stopwatch clock, string message, IReadOnlyList<TableReport> tables, string? mode = null) =>
        new(runId, status, Trigger, startedAt, startedAt + clock.Elapsed, clock.ElapsedMilliseconds, message, [], tables, 0, Mode: mode, CodeVersion: CodeVersion.Current);

    [LoggerMessage(Level = LogLevel.Information, Message = "recompute: run {RunId} already has these inputs and overrides: nothing to publish")]
    private partial void LogUnchanged(string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "published run {RunId}, recomputed from {DerivedFrom}, to {Store}")]
    private partial void LogPublished(string runId, string derivedFrom, string store);
}
