using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Dashboard;

/// <summary>One of the runs before a run, as its report.json tells it; <see cref="HasPage"/> when it published a page to link to.</summary>
public sealed record RecentRun(string RunId, DateTimeOffset FinishedAt, RunStatus Status, string Trigger, string? Mode, string? Message, bool HasPage)
{
    /// <summary>How many runs before this one a page lists.</summary>
    public const int Count = 10;

    /// <summary>
    /// The <see cref="Count"/> newest runs before <paramref name="runId"/>, newest first, from
    /// <see cref="RecentRunIndex"/>: one small read and at most <see cref="Count"/> reports and page
    /// checks, however long the store's history. A run whose report is gone (swept) or cannot be read
    /// is left out, and one whose page is gone is listed without a link: the list never links to a
    /// deleted run. A store without the index yet (published before it existed) is listed once, as before.
    /// </summary>
    public static async Task<IReadOnlyList<RecentRun>> BeforeAsync(IDatasetStore store, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (index, _) = await RecentRunIndex.ReadAsync(store, cancellationToken);
        var ids = index is null ? await ListedRunIdsAsync(store, cancellationToken) : index.RunIds;
        var before = ids.Where(id => Vocabulary.RunId.IsValid(id) && string.CompareOrdinal(id, runId) < 0).Distinct(StringComparer.Ordinal).OrderDescending(StringComparer.Ordinal);

        var runs = new List<RecentRun>();
        foreach (var id in before)
        {
            // A damaged report: the run is left out of the list, not the page out of the run.
            if (await PublishedRun.TryReadReportAsync(store, id, cancellationToken) is { } report)
            {
                var hasPage = await store.GetInfoAsync(RunPublisher.PagePath(id), cancellationToken) is not null;
                runs.Add(new RecentRun(id, report.FinishedAt, report.Status, report.Trigger, report.Mode, report.Message, hasPage));
                if (runs.Count == Count)
                {
                    break;
                }
            }
        }

        return runs;
    }

    /// <summary>Every run id with a report under runs/: the whole listing, only for a store without <see cref="RecentRunIndex"/>.</summary>
    private static async Task<IReadOnlyList<string>> ListedRunIdsAsync(IDatasetStore store, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var item in store.ListAsync("runs/", cancellationToken))
        {
            var parts = item.Path.Split('/');
            if (parts.Length == 3 && parts[2] == "report.json")
            {
                ids.Add(parts[1]);
            }
        }

        return ids;
    }
}
