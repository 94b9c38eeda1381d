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
    /// The <see cref="Count"/> newest runs before <paramref name="runId"/>, newest first. The store is
    /// flat, so this lists every object under runs/: a cost paid once per published run, for a page
    /// that never changes after. A report that cannot be read is left out: the list is a convenience.
    /// </summary>
    public static async Task<IReadOnlyList<RecentRun>> BeforeAsync(IDatasetStore store, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var item in store.ListAsync("runs/", cancellationToken))
        {
            var parts = item.Path.Split('/');
            if (parts.Length == 3 && parts[2] == "report.json" && Vocabulary.RunId.IsValid(parts[1]) && string.CompareOrdinal(parts[1], runId) < 0)
            {
                ids.Add(parts[1]);
            }
        }

        var runs = new List<RecentRun>();
        foreach (var id in ids.Reverse().Take(Count))
        {
            try
            {
                await using var stored = await store.OpenReadAsync(RunPublisher.ReportPath(id), cancellationToken);
                if (stored is not null && await PublishedJson.DeserializeAsync<RunReport>(stored.Content, cancellationToken) is { } report)
                {
                    var hasPage = await store.GetInfoAsync(RunPublisher.PagePath(id), cancellationToken) is not null;
                    runs.Add(new RecentRun(id, report.FinishedAt, report.Status, report.Trigger, report.Mode, report.Message, hasPage));
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // A damaged report: the run is left out of the list, not the page out of the run.
            }
        }

        return runs;
    }
}
