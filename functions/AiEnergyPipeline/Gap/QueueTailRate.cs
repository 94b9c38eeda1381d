namespace AiEnergyPipeline.Gap;

/// <summary>A queue_completion_rates row: resolved requests of a queue, class and entry cohort, and its rate (empty when nothing with capacity is resolved).</summary>
public sealed record QueueTailRate(string Region, string AccreditationClass, string EntryCohort, long CompletedCount, double CompletedMw, long WithdrawnCount, double WithdrawnMw, double? CompletionRate)
{
    public long ResolvedCount => CompletedCount + WithdrawnCount;
}
