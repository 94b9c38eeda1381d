using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>
/// EIA generator status codes. The workbooks write them as "(OP) Operating", "(V) Under
/// construction, more than 50 percent complete" or just "OP"; the table keeps the code.
/// </summary>
public static partial class Eia860mStatus
{
    /// <summary>Operating, planned, retired and canceled codes of Form EIA-860.</summary>
    public static IReadOnlySet<string> Codes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "OP", "SB", "OS", "OA",
        "P", "L", "T", "U", "V", "TS", "OT",
        "RE", "CN", "IP",
    };

    /// <summary>The code a status cell holds, or null when it holds none that EIA uses.</summary>
    public static string? CodeOf(string text)
    {
        var match = CodeAtStart().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        var code = match.Groups["code"].Value.ToUpperInvariant();
        return Codes.Contains(code) ? code : null;
    }

    // "(OP) Operating", "(TS) Construction complete...", "OP", "op", "V - Under construction".
    [GeneratedRegex(@"^(?:\(\s*(?<code>[A-Za-z]{1,2})\s*\)|(?<code>[A-Za-z]{1,2})(?=$|\s*[-:–]\s))")]
    private static partial Regex CodeAtStart();
}
