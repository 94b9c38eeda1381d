namespace AiEnergyPipeline.Gap;

/// <summary>
/// The columns of an active queue_projects row that the queue supply tail uses: its queue (ISO or
/// utility), state, accreditation class, capacity of its first technology, the year of its proposed
/// completion date and its entry cohort (the year of its queue date, or unknown).
/// </summary>
public sealed record QueueTailProject(string Region, string State, string AccreditationClass, double CapacityMw, int ProposedYear, string EntryCohort);
