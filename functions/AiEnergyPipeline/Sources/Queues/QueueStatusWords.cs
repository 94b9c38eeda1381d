using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// The rules that read a status from an ISO's words. Whole words first (LBNL's and gridstatus's
/// vocabulary), then phrases, in an order that settles mixed words: "Partially in Service - Under
/// Construction" is still being built (active), "IA FULLY EXECUTED/COMMERCIAL OPERATION" has
/// reached service, "IA Completed" (an agreement, not a plant) is active, "Deactivated" retired.
/// </summary>
internal static class QueueStatusWords
{
    private static readonly Dictionary<string, string> Exact = Build(
        (QueueStatuses.Active, ["active", "inprogress", "pending", "understudy", "study", "inqueue", "queued", "open", "engineeringandprocurement", "underconstruction", "iaexecuted", "iapending", "iacompleted", "facilitystudy", "feasibilitystudy", "systemimpactstudy", "clusterstudy"]),
        (QueueStatuses.Withdrawn, ["withdrawn", "withdrew", "cancelled", "canceled", "terminated", "retracted", "rescinded", "annulled"]),
        (QueueStatuses.Operational, ["operational", "operating", "completed", "complete", "inservice", "done", "commercialoperation", "online", "built"]),
        (QueueStatuses.Suspended, ["suspended", "onhold", "hold", "inactive"]),
        (QueueStatuses.Retired, ["deactivated", "retired", "decommissioned"]));

    /// <summary>Phrases looked for inside longer words, first match wins; each is folded as the words are.</summary>
    private static readonly (string Phrase, string Status)[] Phrases =
    [
        // Part of the plant runs, the rest is being built: the project has not finished its course.
        ("partiallyinservice", QueueStatuses.Active),
        ("partialinservice", QueueStatuses.Active),
        ("withdraw", QueueStatuses.Withdrawn),
        ("cancel", QueueStatuses.Withdrawn),
        ("terminat", QueueStatuses.Withdrawn),
        ("retract", QueueStatuses.Withdrawn),
        ("annul", QueueStatuses.Withdrawn),
        ("deactivat", QueueStatuses.Retired),
        ("retire", QueueStatuses.Retired),
        ("suspen", QueueStatuses.Suspended),
        ("onhold", QueueStatuses.Suspended),
        ("commercialoperation", QueueStatuses.Operational),
        ("inservicecommercial", QueueStatuses.Operational),
        ("inservice", QueueStatuses.Operational),
        ("operational", QueueStatuses.Operational),
        ("construction", QueueStatuses.Active),
        ("study", QueueStatuses.Active),
        ("studies", QueueStatuses.Active),
        ("scoping", QueueStatuses.Active),
        ("agreement", QueueStatuses.Active),
        ("executed", QueueStatuses.Active),
        ("pending", QueueStatuses.Active),
        ("inprogress", QueueStatuses.Active),
        ("costallocation", QueueStatuses.Active),
        ("active", QueueStatuses.Active),
        ("engineering", QueueStatuses.Active),
        ("screening", QueueStatuses.Active),
        // SPP's definitive interconnection system impact study (DISIS) stages.
        ("disis", QueueStatuses.Active),
    ];

    public static string? Classify(string word)
    {
        var folded = ColumnMap.Normalise(word);
        if (folded.Length == 0)
        {
            return null;
        }

        if (Exact.TryGetValue(folded, out var status))
        {
            return status;
        }

        foreach (var (phrase, phraseStatus) in Phrases)
        {
            if (folded.Contains(phrase, StringComparison.Ordinal))
            {
                return phraseStatus;
            }
        }

        return null;
    }

    private static Dictionary<string, string> Build(params (string Status, string[] Words)[] groups) =>
        groups.SelectMany(g => g.Words.Select(w => (w, g.Status))).ToDictionary(p => p.w, p => p.Status, StringComparer.Ordinal);
}
