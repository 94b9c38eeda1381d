using System.Globalization;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Vocabulary;

/// <summary>
/// Run ids sort by time: "20261127T060000Z-ab12cd", the start of the run (UTC) and the first
/// characters of its inputs' hash, so that the same inputs at the same second name the same run.
/// </summary>
public static partial class RunId
{
    public static string Create(DateTimeOffset startedAt, string inputsSha256) =>
        startedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + inputsSha256[..6];

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>When the run (or plan, or sweep: they share the form) started, read from its id; null for an id of another form.</summary>
    public static DateTimeOffset? StartOf(string? value) =>
        IsValid(value) && DateTimeOffset.TryParseExact(value![..16], "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start)
            ? start
            : null;

    [GeneratedRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}\\z")]
    private static partial Regex Pattern();
}
