using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Pipeline.Sweep;

/// <summary>
/// Removes what crashed runs leave behind and what the retention policy no longer keeps, and
/// writes sweeps/{id}.json saying what it removed and why. Judges the store from one listing:
/// <list type="bullet">
/// <item>*.tmp files and blobs older than Sweep:TempFileAge;</item>
/// <item>runs/{id}/ without datapackage.json (a half run) started and last written more than
/// Sweep:HalfRunAge ago, never the run latest.json points at (a run in progress is younger);
/// one holding only report.json is a failed run's report, kept for Sweep:ReportAge;</item>
/// <item>complete runs past <see cref="RunRetention"/>;</item>
/// <item>work/{plan}/ and work/occurrences/ older than Sweep:PlanExpiry; sweeps/ older than Sweep:ReportAge;</item>
/// <item>partitions/ cached by another partition version, untouched for Sweep:PlanExpiry, and partitions' plan records past it;</item>
/// <item>this version's entries of a file's earlier bytes, and raw/ files, that nothing uses (<see cref="InputsInUse"/>), untouched for Sweep:PlanExpiry;</item>
/// <item>on this machine: work folders and buffered HTTP bodies (<see cref="LocalLitter"/>).</item>
/// </list>
/// state/ and latest.json are never touched. A raw file is content-addressed and shared by every run
/// that fetched the same bytes: it stays while any of them is kept.
/// </summary>
public sealed partial class StoreSweeper(
    IDatasetStore store,
    RunPublisher publisher,
    TimeProvider time,
    IOptions<SweepOptions> options,
    IOptions<PipelineOptions> pipelineOptions,
    ILogger<StoreSweeper> logger)
{
    public const string Folder = "sweeps";
    private const string RunsFolder = "runs/";
    private const string TempSuffix = ".tmp";

    /// <summary>Where the store keeps half-written objects apart from its listing, seen through the wrapper that describes failures.</summary>
    private static ITemporaryObjects? TemporaryObjectsOf(IDatasetStore store) =>
        store as ITemporaryObjects ?? (store as FailureDescribingStore)?.TemporaryObjects;

    public static string ReportPath(string sweepId) => $"{Folder}/{sweepId}.json";

    /// <summary>
    /// The sweep at the start of a run: never fails the run (a sweep that cannot finish is logged,
    /// and the next one tries again), and writes a report only when it removed something.
    /// </summary>
    public async Task SweepAtRunStartAsync(string trigger, CancellationToken cancellationToken)
    {
        if (!options.Value.AtRunStart)
        {
            return;
        }

        try
        {
            await SweepAsync($"{trigger} run start", dryRun: false, cancellationToken, reportOnlyRemovals: true);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSweepFailed(e.Message);
        }
    }

    /// <param name="dryRun">List what would be removed, remove nothing, write no report.</param>
    /// <param name="reportOnlyRemovals">Write sweeps/{id}.json only when something was removed or could not be.</param>
    /// <exception cref="InvalidOperationException">The settings cannot be used.</exception>
    public async Task<SweepReport> SweepAsync(string trigger, bool dryRun, CancellationToken cancellationToken, bool reportOnlyRemovals = false)
    {
        var settings = options.Value;
        if (settings.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        var startedAt = time.GetUtcNow();
        var sweepId = RunId.Create(startedAt, Guid.NewGuid().ToString("N"));
        var removed = new List<SweptItem>();
        var kept = new List<KeptRun>();
        var errors = new List<string>();
        var plan = new StoreSweepPlan(startedAt, settings);

        var listing = new List<StoredObjectInfo>();
        await foreach (var info in store.ListAsync("", cancellationToken))
        {
            listing.Add(info);
        }

        var temporary = TemporaryObjectsOf(store) is { } hidden ? hidden.ListTemporary() : listing.Where(i => i.Path.EndsWith(TempSuffix, StringComparison.Ordinal)).ToList();
        var targets = plan.TempFiles(temporary).ToList();

        var (latestRunId, latestReadable) = await LatestAsync(listing.Any(i => i.Path == RunPublisher.LatestPath), cancellationToken);
        List<StoredRunFolder>? keptRuns = null;
        if (latestReadable)
        {
            var runs = await ReadRunsAsync(listing.Where(i => i.Path.StartsWith(RunsFolder, StringComparison.Ordinal) && !i.Path.EndsWith(TempSuffix, StringComparison.Ordinal)), cancellationToken);
            var runTargets = plan.Runs(runs, latestRunId, kept).ToList();
            targets.AddRange(runTargets);
            var going = runTargets.Select(t => t.Item.Path).ToHashSet(StringComparer.Ordinal);
            keptRuns = [.. runs.Where(r => r.Complete && !going.Contains(RunPublisher.RunFolder(r.RunId) + "/"))];
        }
        else
        {
            // Without knowing which run is latest, no run may be judged: the next sweep will.
            errors.Add("latest.json could not be read: no run was judged; runs/ is left as it is");
        }

        // Without the runs kept, the raw files they name are unknown: none is judged unused.
        var inUse = await InputsInUse.ReadAsync(store, listing, keptRuns ?? [new StoredRunFolder("", [], true, null, Unreadable: true)], startedAt, settings.PlanExpiry, cancellationToken);

        targets.AddRange(plan.WorkState(listing.Where(i => i.Path.StartsWith(FanOutWorkState.Root + "/", StringComparison.Ordinal))));
        var partitions = listing.Where(i => i.Path.StartsWith(PartitionCache.Root + "/", StringComparison.Ordinal) && !i.Path.EndsWith(TempSuffix, StringComparison.Ordinal)).ToList();
        targets.AddRange(plan.Partitions(partitions, IngestPipeline.PartitionVersion));
        targets.AddRange(plan.SupersededPartitions(partitions, IngestPipeline.PartitionVersion, inUse));
        targets.AddRange(plan.UnusedRaw(listing.Where(i => i.Path.StartsWith(RawArchive.Folder, StringComparison.Ordinal) && !i.Path.EndsWith(TempSuffix, StringComparison.Ordinal)), inUse));
        targets.AddRange(plan.SweepReports(listing.Where(i => i.Path.StartsWith(Folder + "/", StringComparison.Ordinal))));

        foreach (var target in targets)
        {
            if (dryRun || await RemoveAsync(target, errors, cancellationToken))
            {
                removed.Add(target.Item);
            }
        }

        removed.AddRange(SweepLocal(startedAt, settings, dryRun, errors));

        var report = new SweepReport(sweepId, trigger, dryRun, store.Description, startedAt, time.GetUtcNow(), removed, kept, errors);
        if (!dryRun && (!reportOnlyRemovals || removed.Count > 0 || errors.Count > 0))
        {
            using var content = new MemoryStream(PublishedJson.Serialize(report));
            await store.WriteAsync(ReportPath(sweepId), content, WriteCondition.None, new StoreWriteOptions(ContentTypes.Json), cancellationToken);
        }

        LogSwept(sweepId, dryRun ? "would remove" : "removed", removed.Count, report.BytesRemoved, errors.Count);
        return report;
    }

    /// <summary>
    /// The run latest.json points at, and whether latest.json could be read: absent counts as read
    /// (no run is latest); present but giving no run (corrupt, whether the reader throws or says
    /// "none") does not, since the run it meant to name might be judged a half run.
    /// </summary>
    private async Task<(string? RunId, bool Readable)> LatestAsync(bool listed, CancellationToken cancellationToken)
    {
        try
        {
            var (pointer, _) = await publisher.ReadLatestAsync(cancellationToken);
            return (pointer?.RunId, pointer is not null || !listed);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            return (null, false);
        }
    }

    /// <summary>Each run folder's objects, and for a complete run the run it derives from (read from its data package).</summary>
    private async Task<List<StoredRunFolder>> ReadRunsAsync(IEnumerable<StoredObjectInfo> objects, CancellationToken cancellationToken)
    {
        var folders = new List<StoredRunFolder>();
        foreach (var group in objects.GroupBy(i => i.Path.Split('/')[1], StringComparer.Ordinal))
        {
            var runId = group.Key;
            var items = group.ToList();
            var complete = items.Any(i => i.Path == RunPublisher.DataPackagePath(runId));
            string? derivedFrom = null;
            if (complete)
            {
                try
                {
                    derivedFrom = (await PublishedRun.ReadPackageAsync(store, runId, cancellationToken)).DerivedFrom;
                }
                catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or DamagedRunException)
                {
                    // An unreadable data package (damaged, or gone since the listing: a sweep racing this one) is
                    // not judged complete, nor deleted as half: kept, for a person (or the next sweep) to look at.
                    folders.Add(new StoredRunFolder(runId, items, Complete: true, DerivedFrom: null, Unreadable: true));
                    continue;
                }
            }

            folders.Add(new StoredRunFolder(runId, items, complete, derivedFrom, Unreadable: false, FailedPublishing: complete && (await PublishedRun.TryReadReportAsync(store, runId, cancellationToken))?.Status == RunStatus.Failed));
        }

        return folders;
    }

    private async Task<bool> RemoveAsync(SweepTarget target, List<string> errors, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var path in target.Paths)
            {
                if (target.Item.Kind == SweepKind.TempFile && TemporaryObjectsOf(store) is { } hidden)
                {
                    hidden.DeleteTemporary(path);
                }
                else
                {
                    await store.DeleteAsync(path, cancellationToken);
                }
            }

            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException && (e is NotSupportedException or IOException or UnauthorizedAccessException || StorageFailures.IsStorageFailure(e)))
        {
            errors.Add($"{target.Item.Path}: not removed: {e.Message}");
            return false;
        }
    }

    private List<SweptItem> SweepLocal(DateTimeOffset now, SweepOptions settings, bool dryRun, List<string> errors)
    {
        var found = LocalLitter.WorkFolders(WorkFolder.RootOf(pipelineOptions.Value), now, settings.WorkFolderAge)
            .Concat(LocalLitter.BufferedBodies(Path.GetTempPath(), now, settings.TempFileAge))
            .ToList();
        if (dryRun)
        {
            return found;
        }

        var removed = new List<SweptItem>();
        foreach (var item in found)
        {
            try
            {
                LocalLitter.Remove(item);
                removed.Add(item);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{item.Path}: not removed: {e.Message}");
            }
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "sweep {SweepId}: {Verb} {Count} item(s), {Bytes} bytes; {Errors} error(s)")]
    private partial void LogSwept(string sweepId, string verb, int count, long bytes, int errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "sweep at run start did not finish: {Error}; the next sweep tries again")]
    private partial void LogSweepFailed(string error);
}
