using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// Rows of one EIA-860M workbook that its normaliser set aside (quarantine.csv), by sheet: units in
/// no table the gap reads. The newest vintage's are missing from firm additions; a January vintage's
/// from planned_realisation, where a unit not read counts as vanished.
/// </summary>
public sealed partial record UnreadGeneratorRows(string FileName, IReadOnlyDictionary<string, int> BySheet)
{
    public int Count => BySheet.Values.Sum();

    /// <summary>The sheet a quarantine reason names (<c>sheet 'Planned' row 12: ...</c>), or "other".</summary>
    public static string SheetOf(string reason) => SheetPattern().Match(reason) is { Success: true } m ? m.Groups[1].Value : "other";

    /// <summary>The note of headline.json that names every workbook's unread rows; null when there are none.</summary>
    public static string? Note(IReadOnlyList<UnreadGeneratorRows> files) =>
        files.Count == 0
            ? null
            : $"EIA-860M rows that could not be read (quarantine.csv gives each row and why) are in no table the gap reads: the newest vintage's are missing from firm_additions_gw, a January vintage's from planned_realisation (where they count as vanished): "
              + string.Join("; ", files.Select(f => $"{f.FileName} {f.Count} ({string.Join(", ", f.BySheet.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Value}"))})"));

    [GeneratedRegex(@"^sheet '([^']+)'")]
    private static partial Regex SheetPattern();
}
