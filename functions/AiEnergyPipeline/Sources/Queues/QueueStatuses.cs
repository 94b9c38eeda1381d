namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// The statuses of queue_projects, from the sources' words. LBNL uses active, withdrawn,
/// operational and suspended; gridstatus Active, Withdrawn and Completed; the ISOs their own
/// detailed words ("IA FULLY EXECUTED/COMMERCIAL OPERATION", "Partially in Service - Under
/// Construction", "Deactivated"). A word no rule knows is <see cref="Unknown"/>, never a reason to
/// drop the row: the ISO's words stay in status_raw for the reader to judge.
/// </summary>
public static class QueueStatuses
{
    public const string Active = "active";
    public const string Withdrawn = "withdrawn";
    public const string Operational = "operational";
    public const string Suspended = "suspended";

    /// <summary>Built, in service, then retired: PJM's "Deactivated". Not a withdrawal: the project reached service.</summary>
    public const string Retired = "retired";

    public const string Unknown = "unknown";

    public static IReadOnlyList<string> All { get; } = [Active, Withdrawn, Operational, Suspended, Retired, Unknown];

    /// <summary>The status for a source's word, or null when no rule knows it (the caller keeps the row as <see cref="Unknown"/>).</summary>
    public static string? Normalise(string word) => QueueStatusWords.Classify(word);

    /// <summary>The status for a source's word: <see cref="Unknown"/> where no rule knows it.</summary>
    public static string NormaliseOrUnknown(string word) => Normalise(word) ?? Unknown;
}
