using AiEnergyPipeline.Normalise.Tabular;

namespace AiEnergyPipeline.Normalise.Queues;

/// <summary>
/// The four statuses of queue_projects, from the sources' words: LBNL uses active, withdrawn,
/// operational and suspended; gridstatus Active, Withdrawn and Completed (a request that reached
/// operation); ISO reports add their own words, the common ones listed here.
/// </summary>
public static class QueueStatuses
{
    public const string Active = "active";
    public const string Withdrawn = "withdrawn";
    public const string Operational = "operational";
    public const string Suspended = "suspended";

    private static readonly Dictionary<string, string> Words = Build(
        (Active, ["active", "inprogress", "pending", "understudy", "study", "inqueue", "queued", "open", "engineeringandprocurement", "underconstruction", "iaexecuted", "iapending", "facilitystudy", "feasibilitystudy", "systemimpactstudy", "clusterstudy"]),
        (Withdrawn, ["withdrawn", "withdrew", "cancelled", "canceled", "terminated", "deactivated", "retracted", "rescinded"]),
        (Operational, ["operational", "operating", "completed", "complete", "inservice", "done", "commercialoperation", "online", "built"]),
        (Suspended, ["suspended", "onhold", "hold"]));

    /// <summary>The status for a source's word, or null when the word is not known (the row is then quarantined, not guessed).</summary>
    public static string? Normalise(string word) =>
        Words.TryGetValue(ColumnMap.Normalise(word), out var status) ? status : null;

    private static Dictionary<string, string> Build(params (string Status, string[] Words)[] groups) =>
        groups.SelectMany(g => g.Words.Select(w => (w, g.Status))).ToDictionary(p => p.w, p => p.Status, StringComparer.Ordinal);
}
