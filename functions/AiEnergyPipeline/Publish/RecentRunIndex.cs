using System.Text.Json;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Publish;

/// <summary>
/// state/recent-runs.json: the ids of the newest runs that wrote a report, newest first, at most
/// <see cref="MaxRuns"/>. A run's page lists the runs before it from here, with one small read,
/// instead of listing every object under runs/, a cost that would grow with the store's history.
/// Only ids: each listed run's report.json is read for what it says, so a run the sweep has
/// deleted since is left out by its missing report rather than by keeping this file in step.
/// </summary>
/// <param name="RunIds">Newest first.</param>
public sealed record RecentRunIndex(IReadOnlyList<string> RunIds)
{
    public const string Path = "state/recent-runs.json";

    /// <summary>More than a page lists (ten), so that a few runs swept or damaged still leave ten to show.</summary>
    public const int MaxRuns = 30;

    /// <summary>A file larger than this is not an index: it is read as none.</summary>
    private const long MaxBytes = 64 * 1024;

    /// <summary>More than runs that can end at the same moment; each lost race costs one small read and write.</summary>
    private const int Attempts = 10;

    /// <summary>The index with <paramref name="runId"/> in its place by id (run ids sort by start), cut to <see cref="MaxRuns"/>.</summary>
    public RecentRunIndex With(string runId) =>
        new([.. RunIds.Append(runId).Where(RunId.IsValid).Distinct(StringComparer.Ordinal).OrderDescending(StringComparer.Ordinal).Take(MaxRuns)]);

    /// <summary>The index and its ETag; null when there is none or it cannot be read (too large, not JSON, not an index).</summary>
    public static async Task<(RecentRunIndex? Index, string? ETag)> ReadAsync(IDatasetStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var opened = await store.OpenReadAsync(Path, cancellationToken);
        if (opened is null)
        {
            return (null, null);
        }

        if (opened.Info.Length > MaxBytes)
        {
            return (null, opened.Info.ETag);
        }

        try
        {
            var index = await PublishedJson.DeserializeAsync<RecentRunIndex>(opened.Content, cancellationToken);
            return (index?.RunIds is null ? null : index, opened.Info.ETag);
        }
        catch (JsonException)
        {
            return (null, opened.Info.ETag);
        }
    }

    /// <summary>
    /// Adds a run: read, add, write with If-Match (If-None-Match for the first), and on a lost race
    /// read again, so two runs ending at once are both listed. A damaged index is replaced.
    /// </summary>
    /// <returns>Whether the index was written; false when it kept changing for <see cref="Attempts"/> attempts.</returns>
    public static async Task<bool> AddAsync(IDatasetStore store, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var (index, etag) = await ReadAsync(store, cancellationToken);
            var updated = (index ?? new RecentRunIndex([])).With(runId);
            if (index is not null && updated.RunIds.SequenceEqual(index.RunIds, StringComparer.Ordinal))
            {
                return true;
            }

            try
            {
                using var content = new MemoryStream(PublishedJson.Serialize(updated));
                await store.WriteAsync(Path, content, etag is null ? WriteCondition.IfNotExists : WriteCondition.IfMatches(etag), new StoreWriteOptions(ContentTypes.Json), cancellationToken);
                return true;
            }
            catch (StoreConditionFailedException)
            {
                // Another run wrote it since this one read it: add this run to theirs.
            }
        }

        return false;
    }
}
