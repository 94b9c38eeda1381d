namespace AiEnergyPipeline.Gap;

/// <summary>
/// The columns of an active queue_projects row that the queue supply tail uses: its queue (ISO or
/// utility), state, accreditation class, capacity of its first technology, the year of its proposed
/// completion date and its entry cohort (the year of its queue date, or unknown).
/// </summary>
/// <param name="Further">
/// A hybrid's further technologies with a capacity of their own (LBNL's mw2 and mw3, classed from its
/// generation type's second and third components); null when there are none, as for every queue whose
/// file does not split a hybrid's capacity.
/// </param>
public sealed record QueueTailProject(
    string Region,
    string State,
    string AccreditationClass,
    double CapacityMw,
    int ProposedYear,
    string EntryCohort,
    IReadOnlyList<QueueTailComponent>? Further = null)
{
    /// <summary>Every technology of the project with its capacity: the first, then a hybrid's further ones.</summary>
    public IEnumerable<QueueTailComponent> Components =>
        Further is null ? [new(AccreditationClass, CapacityMw)] : [new(AccreditationClass, CapacityMw), .. Further];

    /// <summary>The queue capacity of all its technologies.</summary>
    public double TotalMw => Components.Sum(c => c.CapacityMw);
}
