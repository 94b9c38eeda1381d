using AiEnergyPipeline.Sources.Curated;

namespace AiEnergyPipeline.Gap;

/// <summary>Where the completion weights of an additions row came from.</summary>
public static class WeightBasis
{
    public const string Measured = "measured";
    public const string Assumption = "assumption";
    public const string Mixed = "mixed";

    /// <summary>Queue projects of the queue supply tail, weighted by their queue's completion rate (only with queue_supply_tail = 1).</summary>
    public const string QueueTail = "queue_tail";
}
