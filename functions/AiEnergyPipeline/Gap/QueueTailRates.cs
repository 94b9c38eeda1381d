namespace AiEnergyPipeline.Gap;

/// <summary>
/// The completion rate of a queue project: its queue, class and entry cohort's, where that cohort
/// has <see cref="QueueTailModel.MinimumResolved"/> resolved requests; else the queue and class
/// pooled over every cohort; else the queue's, pooled over classes and cohorts; else none. Pooled
/// rates are completed MW over resolved MW of the pool, as each row's own rate is.
/// </summary>
public sealed class QueueTailRates(IReadOnlyList<QueueTailRate> rows)
{
    private readonly Dictionary<(string, string, string), QueueTailRate> _cohorts = rows
        .GroupBy(r => (r.Region, r.AccreditationClass, r.EntryCohort)).ToDictionary(g => g.Key, g => g.First());
    private readonly Dictionary<(string, string), (long Resolved, double Completed, double Withdrawn)> _classes = rows
        .GroupBy(r => (r.Region, r.AccreditationClass)).ToDictionary(g => g.Key, Pool);
    private readonly Dictionary<string, (long Resolved, double Completed, double Withdrawn)> _queues = rows
        .GroupBy(r => r.Region, StringComparer.Ordinal).ToDictionary(g => g.Key, Pool, StringComparer.Ordinal);

    /// <summary>The rate, and whether it is the project's own cohort's; null when no pool is large enough.</summary>
    public (double Rate, bool FromCohort)? Of(QueueTailProject project)
    {
        if (_cohorts.TryGetValue((project.Region, project.AccreditationClass, project.EntryCohort), out var own)
            && own.ResolvedCount >= QueueTailModel.MinimumResolved && own.CompletionRate is { } rate)
        {
            return (rate, true);
        }

        if (_classes.TryGetValue((project.Region, project.AccreditationClass), out var byClass) && RateOf(byClass) is { } classRate)
        {
            return (classRate, false);
        }

        return _queues.TryGetValue(project.Region, out var byQueue) && RateOf(byQueue) is { } queueRate ? (queueRate, false) : null;
    }

    private static (long Resolved, double Completed, double Withdrawn) Pool(IEnumerable<QueueTailRate> rows) =>
        rows.Aggregate((0L, 0.0, 0.0), (sum, r) => (sum.Item1 + r.ResolvedCount, sum.Item2 + r.CompletedMw, sum.Item3 + r.WithdrawnMw));

    private static double? RateOf((long Resolved, double Completed, double Withdrawn) pool) =>
        pool.Resolved >= QueueTailModel.MinimumResolved && pool.Completed + pool.Withdrawn > 0 ? pool.Completed / (pool.Completed + pool.Withdrawn) : null;
}
