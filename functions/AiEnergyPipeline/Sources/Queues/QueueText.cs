using System.Globalization;
using System.Text;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>Cleaning of the text and numbers of queue files, which are typed by hand in many offices.</summary>
public static class QueueText
{
    /// <summary>
    /// Every run of whitespace (line breaks inside names, tabs, no-break spaces) becomes one space,
    /// and the ends are trimmed: a published CSV row stays one line.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var folded = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }

            folded.Append(c);
        }

        return folded.ToString();
    }

    /// <summary>A cell as folded text, with the placeholders LBNL and the ISOs write for "no value" read as blank.</summary>
    public static string Value(string? text)
    {
        var folded = Fold(text);
        return IsPlaceholder(folded) ? "" : folded;
    }

    private static bool IsPlaceholder(string text) =>
        text is "NA" or "N/A" or "n/a" or "na" or "#N/A" or "NaN" or "nan" or "None" or "null" or "NULL" or "-" or "--";

    /// <summary>
    /// A queue id as text: ids typed as numbers come back as "254.0" (or a numeric cell 254), and
    /// mean "254"; any other id (such as "AE1-123" or "254.5") is kept as given.
    /// </summary>
    public static string QueueId(string text)
    {
        var id = Value(text);
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && id[..dot].All(char.IsAsciiDigit) && id[(dot + 1)..].All(c => c == '0') && dot < id.Length - 1)
        {
            return id[..dot];
        }

        return id;
    }

    /// <summary>A capacity: a number cell, or text with optional thousands separators; null when it is not a finite number.</summary>
    public static double? Number(object? cell, string text) => cell switch
    {
        double d when double.IsFinite(d) => d,
        double => null,
        int i => i,
        long l => l,
        decimal m => (double)m,
        _ => double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null,
    };

    /// <summary>Text for a quarantine reason: short, one line.</summary>
    public static string Excerpt(string text) => text.Length > 100 ? text[..100] + "..." : text;
}
