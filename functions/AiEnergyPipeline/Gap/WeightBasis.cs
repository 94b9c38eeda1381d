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

    /// <summary>A gap row whose firm additions count no planned unit or queue project (retirements only, or nothing).</summary>
    public const string None = "none";

    /// <summary>
    /// The basis of what a gap row's firm additions count, from the bases of its planned units and
    /// queue projects (retirements have no completion weight): none without any, the one basis they
    /// share, else mixed.
    /// </summary>
    public static string Of(IEnumerable<string> bases)
    {
        string? only = null;
        foreach (var basis in bases)
        {
            if (only is not null && only != basis)
            {
                return Mixed;
            }

            only = basis;
        }

        return only ?? None;
    }
}
