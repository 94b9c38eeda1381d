using System.Diagnostics;
using System.Text;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Normalise;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// The one pipeline every adapter drives: fetch every source into the raw archive, normalise
/// into tables, compute the gap from those tables, publish the run, swing latest.json. Any source that fails fails the run: nothing
/// new is published, the report says which source and why, and latest.json stays where it was.
/// </summary>
public sealed partial class IngestPipeline(
    IEnumerable<ISource> sources,
    IEnumerable<INormaliser> normalisers,
    IDatasetStore store,
    RunPublisher publisher,
    GapStage gap,
    SecretRedactor redactor,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ILogger<IngestPipeline> logger)
{
    /// <summary>Bumped when a change to the code changes its outputs for the same inputs.</summary>
    public const string ModelVersion = "ingest-v2-gap-v1";

    public async Task<RunOutcome> RunAsync(string trigger, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var workDirectory = Path.Combine(Settings.ValueOrNull(options.Value.WorkDirectory) ?? Path.Combine(Path.GetTempPath(), "aienergy"), Guid.NewGuid().ToString("N"));
        try
        {
            var archive = new RawArchive(store, Path.Combine(workDirectory, "raw"));
            var reports = new Dictionary<string, SourceReport>();
            var files = new Dictionary<string, IReadOnlyList<FetchedFile>>();
            foreach (var source in sources)
            {
                var (fetched, report) = await FetchAsync(source, archive, cancellationToken);
                reports[source.Name] = report;
                if (fetched is not null)
                {
                    files[source.Name] = fetched;
                }
            }

            var inputsSha256 = InputsHash(files);
            var runId = RunId.Create(startedAt, inputsSha256);
            var failed = reports.Values.Where(r => r.Status == SourceStatus.Failed).ToList();
            if (failed.Count > 0)
            {
                return await FailAsync(runId, trigger, startedAt, clock, reports, [], 0, string.Join("; ", failed.Select(f => f.Error)), cancellationToken);
            }

            var (latest, latestETag) = await publisher.ReadLatestAsync(cancellationToken);
            if (latest is not null && latest.InputsSha256 == inputsSha256)
            {
                var message = $"Unchanged: the inputs are those of run {latest.RunId}; nothing new was published.";
                LogUnchanged(latest.RunId);
                var report = Report(latest.RunId, RunStatus.Unchanged, trigger, startedAt, clock, message, reports, [], 0);
                return new RunOutcome(RunStatus.Unchanged, latest.RunId, latest.RunId, store.Description, message, report);
            }

            var staging = Path.Combine(workDirectory, "tables");
            await using var quarantineWriter = TableWriter.Create(staging, Schemas.Quarantine);
            var context = new NormaliseContext(files, staging, new QuarantineTable(quarantineWriter));
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
                    return await FailAsync(runId, trigger, startedAt, clock, WithCounts(reports, context), [], context.Quarantine.Rows, error, cancellationToken);
                }

                LogNormalised(string.Join(", ", normaliser.Tables.Select(t => t.Name)), sourceClock.ElapsedMilliseconds);
            }

            tables.Add(await quarantineWriter.CompleteAsync(cancellationToken));
            var computeClock = Stopwatch.StartNew();
            try
            {
                tables.AddRange(await gap.ComputeAsync(runId, tables, context.FilesOf(CuratedSource.SourceName), staging, cancellationToken));
            }
            catch (GapException e)
            {
                // A gap that cannot be computed fails the run as a failed source does: nothing is published.
                var error = redactor.Redact($"gap: {e.Message}");
                return await FailAsync(runId, trigger, startedAt, clock, WithCounts(reports, context), [], context.Quarantine.Rows, error, cancellationToken);
            }

            LogComputed(computeClock.ElapsedMilliseconds);
            var tableReports = tables.Select(t => new TableReport(t.Schema.Name, t.Format, t.Rows, t.Bytes)).ToList();
            var finalReports = WithCounts(reports, context);
            var publishedMessage = $"Published run {runId}: {string.Join(", ", tableReports.Select(t => $"{t.Name} {t.Rows} rows"))}.";
            var runReport = Report(runId, RunStatus.Published, trigger, startedAt, clock, publishedMessage, finalReports, tableReports, context.Quarantine.Rows);
            var package = DataPackageBuilder.Build(runId, startedAt, inputsSha256, tables, files.Values.SelectMany(f => f).ToList(), sources.ToDictionary(s => s.Name, s => s.Citation));
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
                return await FailAsync(runId, trigger, startedAt, clock, finalReports, tableReports, context.Quarantine.Rows, error, cancellationToken);
            }

            var latestRunId = isLatest ? runId : (await publisher.ReadLatestAsync(cancellationToken)).Pointer?.RunId;
            LogPublished(runId, store.Description);
            var outcomeMessage = isLatest ? publishedMessage : publishedMessage + RunPublisher.NotLatestNote(latestRunId);
            return new RunOutcome(RunStatus.Published, runId, latestRunId, store.Description, outcomeMessage, runReport with { Message = outcomeMessage });
        }
        finally
        {
            TryDelete(workDirectory);
        }
    }

    private async Task<(IReadOnlyList<FetchedFile>? Files, SourceReport Report)> FetchAsync(ISource source, RawArchive archive, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        LogFetching(source.Name);
        try
        {
            var files = await source.FetchAsync(archive, cancellationToken);
            var fileReports = files.Select(f => new FileReport(f.FileName, f.RawPath, f.Sha256, f.Bytes, f.AlreadyArchived)).ToList();
            return (files, new SourceReport(source.Name, SourceStatus.Succeeded, clock.ElapsedMilliseconds, fileReports, 0, 0, 0, 0, null));
        }
        catch (SourceException e)
        {
            var error = redactor.Redact(e.Message);
            LogSourceFailed(error);
            return (null, new SourceReport(source.Name, SourceStatus.Failed, clock.ElapsedMilliseconds, [], 0, 0, 0, 0, error));
        }
    }

    private async Task<RunOutcome> FailAsync(string runId, string trigger, DateTimeOffset startedAt, Stopwatch clock, Dictionary<string, SourceReport> reports, IReadOnlyList<TableReport> tables, long quarantined, string error, CancellationToken cancellationToken)
    {
        var message = $"Run {runId} failed, nothing new was published and latest.json is unchanged: {error}";
        var report = Report(runId, RunStatus.Failed, trigger, startedAt, clock, message, reports, tables, quarantined);
        try
        {
            await publisher.WriteReportAsync(report, cancellationToken);
        }
        catch (Exception e) when (StorageFailures.IsStorageFailure(e))
        {
            // The store that failed the run may refuse its report too: the outcome still says why.
            LogReportNotWritten(runId, redactor.Redact(StorageFailures.Describe(e)));
        }

        LogFailed(runId, error);
        var (latest, _) = await publisher.ReadLatestAsync(cancellationToken);
        return new RunOutcome(RunStatus.Failed, runId, latest?.RunId, store.Description, message, report);
    }

    private RunReport Report(string runId, RunStatus status, string trigger, DateTimeOffset startedAt, Stopwatch clock, string message, Dictionary<string, SourceReport> reports, IReadOnlyList<TableReport> tables, long quarantined) =>
        new(runId, status, trigger, startedAt, startedAt + clock.Elapsed, clock.ElapsedMilliseconds, message, reports.Values.ToList(), tables, quarantined);

    private static Dictionary<string, SourceReport> WithCounts(Dictionary<string, SourceReport> reports, NormaliseContext context) =>
        reports.ToDictionary(p => p.Key, p => context.Counts.TryGetValue(p.Key, out var c)
            ? p.Value with { RowsIn = c.RowsIn, RowsOut = c.RowsOut, RowsSuperseded = c.RowsSuperseded, RowsQuarantined = context.Quarantine.CountOf(p.Key) }
            : p.Value with { RowsQuarantined = context.Quarantine.CountOf(p.Key) });

    /// <summary>What the run's outputs depend on: every input file's bytes, in order, and the model version.</summary>
    private static string InputsHash(Dictionary<string, IReadOnlyList<FetchedFile>> files)
    {
        var text = new StringBuilder(ModelVersion).Append('\n');
        foreach (var (source, list) in files.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var file in list)
            {
                text.Append(source).Append('\t').Append(file.FileName).Append('\t').Append(file.Sha256).Append('\n');
            }
        }

        return Hashing.Sha256OfText(text.ToString());
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; the run's outcome matters more.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source}: fetching")]
    private partial void LogFetching(string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Error}")]
    private partial void LogSourceFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "normalised {Tables} in {Ms} ms")]
    private partial void LogNormalised(string tables, long ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "computed the gap in {Ms} ms")]
    private partial void LogComputed(long ms);

    [LoggerMessage(Level = LogLevel.Information, Message = "inputs unchanged since run {RunId}: nothing to publish")]
    private partial void LogUnchanged(string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "published run {RunId} to {Store}")]
    private partial void LogPublished(string runId, string store);

    [LoggerMessage(Level = LogLevel.Error, Message = "run {RunId}: its report could not be written: {Error}")]
    private partial void LogReportNotWritten(string runId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "run {RunId} failed: {Error}")]
    private partial void LogFailed(string runId, string error);
}
