using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// A project's key within its queue. Some ISOs give one queue number to several phases of a
/// project, each its own row with its own capacity and fate (ISO-NE's "533 Phase I" and "533 Phase
/// II"): the key is the queue id with the phase, so that the phases are two projects, not a
/// duplicate. A row without a phase is keyed by its queue id alone.
/// </summary>
public static partial class QueueKeys
{
    /// <param name="phase">The phase as a phase column gives it, or null to look for one in the project name.</param>
    public static string Of(string queueId, string projectName, string? phase)
    {
        var token = QueueText.Value(phase);
        if (token.Length == 0 && PhaseInName().Match(projectName) is { Success: true } match)
        {
            token = match.Groups["phase"].Value;
        }

        if (token.Length == 0)
        {
            return queueId;
        }

        // "Phase II", "II" and "phase 2" of the same file are spelled the same way: the file's own token, upper case.
        var bare = PhaseWord().Replace(token, "").Trim();
        return $"{queueId} Phase {bare.ToUpperInvariant()}";
    }

    [GeneratedRegex(@"\b(?:phase\s+|ph\.\s*)(?<phase>[0-9]+[A-Za-z]?|[IVXivx]+|[A-Za-z])\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhaseInName();

    [GeneratedRegex(@"^(?:phase|ph\.)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhaseWord();
}
