using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline.Sweep;

/// <summary>
/// Which complete runs the retention policy keeps, and why: the one latest.json points at, the
/// newest N, the last of each calendar month, and every run a kept run was recomputed from
/// (its data package names it, and a reader following derived_from must find it). Run ids sort
/// by start time, so "newest" and "last of the month" are read from the id. A pure function.
/// </summary>
public static class RunRetention
{
    public const string Latest = "latest.json points at it";

    /// <returns>The runs to keep, each with its reason; every other run may be deleted.</returns>
    public static IReadOnlyDictionary<string, string> Keep(IReadOnlyList<CompleteRun> runs, string? latestRunId, int keepLatest, bool keepMonthly)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var keep = new Dictionary<string, string>(StringComparer.Ordinal);
        var byId = runs.GroupBy(r => r.RunId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        if (latestRunId is not null)
        {
            keep[latestRunId] = Latest;
        }

        // An id this version cannot read the time of is never judged old.
        foreach (var run in byId.Values.Where(r => !RunId.IsValid(r.RunId)))
        {
            keep.TryAdd(run.RunId, "its id is not a run id: its age is unknown");
        }

        var ordered = byId.Values.Where(r => RunId.IsValid(r.RunId)).OrderByDescending(r => r.RunId, StringComparer.Ordinal).ToList();
        foreach (var run in ordered.Take(Math.Max(1, keepLatest)))
        {
            keep.TryAdd(run.RunId, $"one of the {Math.Max(1, keepLatest)} newest runs");
        }

        if (keepMonthly)
        {
            // yyyyMM of the start time: the first run in descending order is the month's last.
            foreach (var month in ordered.GroupBy(r => r.RunId[..6], StringComparer.Ordinal))
            {
                keep.TryAdd(month.First().RunId, $"the last run of {month.Key[..4]}-{month.Key[4..]}");
            }
        }

        // Follow derived_from from every kept run, through kept and unkept parents alike.
        var pending = new Queue<string>(keep.Keys);
        while (pending.TryDequeue(out var id))
        {
            if (byId.GetValueOrDefault(id)?.DerivedFrom is { } parent && keep.TryAdd(parent, $"run {id} was recomputed from it"))
            {
                pending.Enqueue(parent);
            }
        }

        return keep;
    }
}
