using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// Learns completion weights from the newest complete cohorts of planned_realisation: the share of
/// the capacity planned at a status that came online within its year, pooled over the cohorts, by
/// status (class all) and by status and class where that pool is large enough. A status whose pool
/// is too small keeps its curated assumption.
/// </summary>
public static class CompletionWeights
{
    public const string All = "all";

    public static IReadOnlyList<MeasuredWeight> Learn(IReadOnlyList<RealisationCohort> rows, CompletionLearningOptions options)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        var cohorts = rows.Select(r => r.CohortYear).Distinct().OrderDescending().Take(Math.Max(1, options.Cohorts)).ToHashSet();
        if (cohorts.Count == 0)
        {
            return [];
        }

        var first = cohorts.Min();
        var last = cohorts.Max();
        // A range would claim the years between as measured too.
        var years = cohorts.Count == last - first + 1 ? null : string.Join(", ", cohorts.Order().Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var weights = new List<MeasuredWeight>();
        foreach (var pool in rows.Where(r => cohorts.Contains(r.CohortYear) && r.StatusAtStart != All)
                     .GroupBy(r => (r.StatusAtStart, r.AccreditationClass))
                     .OrderBy(g => g.Key.StatusAtStart, StringComparer.Ordinal)
                     .ThenBy(g => g.Key.AccreditationClass == All ? 0 : 1)
                     .ThenBy(g => g.Key.AccreditationClass, StringComparer.Ordinal))
        {
            var planned = pool.Sum(r => r.PlannedMw);
            if (planned <= 0 || planned < options.MinimumCohortMw)
            {
                continue;
            }

            var online = pool.Sum(r => r.OnlineMw);
            var name = pool.Key.AccreditationClass == All
                ? AssumptionNames.CompletionWeight(pool.Key.StatusAtStart)
                : AssumptionNames.CompletionWeight($"{pool.Key.StatusAtStart}.{pool.Key.AccreditationClass}");
            weights.Add(new MeasuredWeight(name, Math.Round(Math.Clamp(online / planned, 0, 1), 6), first, last, planned, online, years));
        }

        return weights;
    }
}
