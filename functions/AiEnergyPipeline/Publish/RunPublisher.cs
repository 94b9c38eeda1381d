using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Publish;

/// <summary>
/// Publishes a run: every file under runs/{runId}/ first, then, last, latest.json swung with an
/// ETag condition, so readers never see half a run and concurrent runs cannot both win a swing.
/// </summary>
/// <param name="page">Writes the run's page and the root index.html; none, and a run publishes no page.</param>
public sealed partial class RunPublisher(IDatasetStore store, ILogger<RunPublisher> logger, IRunPage? page = null)
{
    public const string LatestPath = "latest.json";
    private const int SwingAttempts = 5;

    public static string RunFolder(string runId) => $"runs/{runId}";
    public static string TablePath(string runId, string table, string format, string folder = StagedTable.DataFolder) => $"{RunFolder(runId)}/{folder}/{table}.{format}";
    public static string TablePath(string runId, StagedTable table) => $"{RunFolder(runId)}/{table.RelativePath}";
    public static string DataPackagePath(string runId) => $"{RunFolder(runId)}/datapackage.json";
    public static string ReportPath(string runId) => $"{RunFolder(runId)}/report.json";

    /// <summary>
    /// The current pointer and its ETag, or nulls when nothing has been published yet. A latest.json
    /// that cannot be used (unreadable, malformed, naming no valid run) gives no pointer, its ETag and
    /// the problem: never an exception, so that every caller can answer, and a run can replace it.
    /// </summary>
    public async Task<LatestRead> ReadLatestAsync(CancellationToken cancellationToken)
    {
        await using var latest = await store.OpenReadAsync(LatestPath, cancellationToken);
        return latest is null ? LatestRead.None : await LatestRead.ParseAsync(latest, cancellationToken);
    }

    /// <summary>
    /// latest.json as a run must see it: also damaged when the run it names is not whole in the store
    /// (no data package, a file missing or short). A damaged pointer is logged once, as a warning,
    /// here; the run then treats the store as having no latest run and publishes, swinging latest.json
    /// with If-Match on the damaged file's ETag, so that racing runs still cannot both win.
    /// </summary>
    public async Task<LatestRead> ReadIntactLatestAsync(CancellationToken cancellationToken) =>
        await CheckIntactAsync(await ReadLatestAsync(cancellationToken), cancellationToken);

    /// <summary>
    /// latest.json as already read, checked and logged as <see cref="ReadIntactLatestAsync"/> does:
    /// for a caller that has used the pointer before the run starts (a recompute validates its request
    /// against the run it names), so that the run checked is that one and not whatever a second read finds.
    /// </summary>
    public async Task<LatestRead> CheckIntactAsync(LatestRead read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Pointer is { } pointer && await RunIntegrity.ProblemOfAsync(store, pointer.RunId, cancellationToken) is { } problem)
        {
            read = LatestRead.Damaged(read.ETag, $"points at a damaged run: {problem}");
        }

        if (read.Problem is { } damage)
        {
            LogLatestDamaged(damage);
        }

        return read;
    }

    /// <summary>The latest run's id for a failed run's outcome, or null when there is none or the store cannot say: the failure matters more.</summary>
    public async Task<string?> LatestRunIdOrNullAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await ReadLatestAsync(cancellationToken)).Pointer?.RunId;
        }
        catch (Exception e) when (StorageFailures.IsStorageFailure(e))
        {
            return null;
        }
    }

    /// <summary>What a run's message adds when it replaced a damaged latest.json.</summary>
    public static string RepairNote(string problem) => $" It replaced a damaged latest.json: {problem}";

    /// <summary>Uploads the run's tables, data package and report, then swings latest.json.</summary>
    /// <returns>
    /// Whether latest.json now points at this run. The swing is conditional (If-Match the ETag read
    /// before the run, or If-None-Match for the first run): when another run swung it meanwhile,
    /// this one re-reads it and swings again only if its run is the newer (see <see cref="IsNewerAsync"/>);
    /// otherwise it returns false and its report says which run is latest.
    /// </returns>
    public async Task<bool> PublishAsync(DataPackage package, IReadOnlyList<StagedTable> tables, RunReport report, string? latestETag, CancellationToken cancellationToken)
    {
        var runId = package.Id;
        foreach (var table in tables)
        {
            if (table.StorePath is { } cached)
            {
                // Already in the store (a cached partition): copied there, not streamed through this instance.
                await store.CopyAsync(cached, TablePath(runId, table), cancellationToken);
                LogCopied(table.ResourceName, table.Rows);
                continue;
            }

            await using var content = File.OpenRead(table.LocalPath);
            await store.WriteAsync(TablePath(runId, table), content, WriteCondition.None, new StoreWriteOptions(ContentTypes.ForExtension(table.Format)), cancellationToken);
            LogUploaded(table.ResourceName, table.Rows);
        }

        // The page reads the run's files just written, and is itself listed in the package: before the package.
        package = await WriteRunPageAsync(package, report, cancellationToken);
        await WriteJsonAsync(DataPackagePath(runId), package, WriteCondition.None, cancellationToken);
        await WriteReportAsync(report, cancellationToken);
        await CheckWholeAsync(package, cancellationToken);

        var pointer = new LatestPointer(
            runId,
            report.FinishedAt,
            DataPackagePath(runId),
            package.InputsSha256,
            tables.Select(t => new LatestTable(t.Schema.Name, TablePath(runId, t), t.Format, t.Rows, t.Part)).ToList(),
            package.Mode);
        if (await SwingLatestAsync(pointer, package.DerivedFrom, latestETag, cancellationToken))
        {
            await WriteRootPageAsync(cancellationToken);
            return true;
        }

        // The run is complete but another, newer run is latest: its report says so, for whoever reads it later.
        var (current, _) = await ReadLatestAsync(cancellationToken);
        await WriteReportAsync(report with { Message = report.Message + NotLatestNote(current?.RunId) }, cancellationToken);
        return false;
    }

    /// <summary>What a run's message adds when it was published but lost the swing of latest.json to a newer run.</summary>
    public static string NotLatestNote(string? latestRunId) =>
        $" It is not latest: run {latestRunId} swung latest.json first and is newer (newer data, or the same data and a later start), so latest.json stays on it.";

    /// <summary>Writes runs/{runId}/report.json and names the run in <see cref="RecentRunIndex"/>, which the pages' lists of earlier runs read.</summary>
    public async Task WriteReportAsync(RunReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        await WriteJsonAsync(ReportPath(report.RunId), report, WriteCondition.None, cancellationToken);
        try
        {
            if (!await RecentRunIndex.AddAsync(store, report.RunId, cancellationToken))
            {
                LogRecentRunsNotWritten(report.RunId, $"{RecentRunIndex.Path} kept changing");
            }
        }
        catch (Exception e) when (StorageFailures.IsStorageFailure(e))
        {
            // A convenience for later pages, never a reason to fail the run.
            LogRecentRunsNotWritten(report.RunId, StorageFailures.Describe(e));
        }
    }

    /// <summary>
    /// Every file of the run is in the store with its size before latest.json may point at it: a
    /// store that lost acknowledged writes (an emulator restarted mid-run) must not get a pointer
    /// to a run with holes.
    /// </summary>
    /// <exception cref="DamagedRunException">A file is missing or short: latest.json is not swung.</exception>
    private async Task CheckWholeAsync(DataPackage package, CancellationToken cancellationToken)
    {
        var problem = await store.GetInfoAsync(DataPackagePath(package.Id), cancellationToken) is null
            ? $"run {package.Id} has no {DataPackagePath(package.Id)} although it was written."
            : await RunIntegrity.ProblemOfFilesAsync(store, package, cancellationToken);
        if (problem is not null)
        {
            throw new DamagedRunException($"the check before swinging latest.json found {problem} latest.json was not swung.");
        }
    }

    private async Task<bool> SwingLatestAsync(LatestPointer pointer, string? derivedFrom, string? etag, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= SwingAttempts; attempt++)
        {
            try
            {
                await WriteJsonAsync(LatestPath, pointer, etag is null ? WriteCondition.IfNotExists : WriteCondition.IfMatches(etag), cancellationToken);
                return true;
            }
            catch (StoreConditionFailedException)
            {
                // Another run swung the pointer since this one read it: keep whichever run is newer.
                var (current, currentETag) = await ReadLatestAsync(cancellationToken);
                if (current?.RunId == pointer.RunId)
                {
                    // The same run published twice (a timer firing twice for one occurrence): it is latest either way.
                    return true;
                }

                if (current is not null && !await IsNewerAsync(pointer.RunId, derivedFrom, current.RunId, cancellationToken))
                {
                    LogSuperseded(pointer.RunId, current.RunId);
                    return false;
                }

                etag = currentETag;
            }
        }

        throw new StoreConditionFailedException(LatestPath, $"latest.json kept changing: gave up after {SwingAttempts} attempts to point it at {pointer.RunId}.");
    }

    /// <summary>
    /// Whether a run should replace <paramref name="currentRunId"/> as latest: newer data first
    /// (a run's data is as new as the ingest at the root of its recomputes, and run ids sort by
    /// start time), then the newer run. So a recompute of older data never hides a newer ingest,
    /// and of two runs on the same data the later one wins.
    /// </summary>
    private async Task<bool> IsNewerAsync(string runId, string? derivedFrom, string currentRunId, CancellationToken cancellationToken)
    {
        var ownData = derivedFrom is null ? runId : await RootIngestOfAsync(derivedFrom, cancellationToken);
        var currentData = await RootIngestOfAsync(currentRunId, cancellationToken);
        var order = string.CompareOrdinal(ownData, currentData);
        return order > 0 || (order == 0 && string.CompareOrdinal(runId, currentRunId) > 0);
    }

    /// <summary>The ingest run a run's data comes from: itself, or the root of the runs it was recomputed from.</summary>
    private async Task<string> RootIngestOfAsync(string runId, CancellationToken cancellationToken)
    {
        // Bounded: a chain of recomputes is short, and a damaged one must not loop.
        for (var hop = 0; hop < 32; hop++)
        {
            await using var stored = await store.OpenReadAsync(DataPackagePath(runId), cancellationToken);
            DataPackage? package;
            try
            {
                package = stored is null ? null : await PublishedJson.DeserializeAsync<DataPackage>(stored.Content, cancellationToken);
            }
            catch (System.Text.Json.JsonException)
            {
                // A damaged package says nothing of its parent: the run counts as its own root.
                return runId;
            }

            if (package?.DerivedFrom is not { } parent)
            {
                return runId;
            }

            runId = parent;
        }

        return runId;
    }

    private async Task WriteJsonAsync<T>(string path, T value, WriteCondition condition, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(PublishedJson.Serialize(value));
        await store.WriteAsync(path, content, condition, new StoreWriteOptions(ContentTypes.Json), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "run {RunId} is not in the list of recent runs: {Problem}. Later pages list the runs before it without it.")]
    private partial void LogRecentRunsNotWritten(string runId, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "published {Table}: {Rows} rows")]
    private partial void LogUploaded(string table, long rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "published {Table}: {Rows} rows, copied within the store")]
    private partial void LogCopied(string table, long rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Problem} This run treats the store as having no latest run and publishes in its place.")]
    private partial void LogLatestDamaged(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "run {RunId} is complete but not latest: the newer run {LatestRunId} was published meanwhile")]
    private partial void LogSuperseded(string runId, string latestRunId);
}
