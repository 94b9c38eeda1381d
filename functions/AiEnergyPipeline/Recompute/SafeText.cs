using System.Globalization;
using System.Text;

namespace AiEnergyPipeline.Recompute;

/// <summary>
/// Text from a request made safe to show back: messages reach a terminal (the CLI prints them
/// on standard error) and logs, where a raw ESC[31m recolours the screen, a \0 cuts the line and a
/// right-to-left override reorders it. Such characters are written as \uXXXX instead.
/// </summary>
internal static class SafeText
{
    /// <summary>
    /// <paramref name="text"/> with control characters (C0, DEL, C1), format characters (bidi
    /// overrides, zero-width), line and paragraph separators and lone surrogates as \uXXXX;
    /// with <paramref name="quoteSyntax"/> also " and \ as \" and \\, for text shown between quotes.
    /// </summary>
    public static string Escape(string text, bool quoteSyntax = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // A whole pair is an ordinary character beyond the BMP (an emoji): kept.
                sb.Append(c).Append(text[++i]);
            }
            else if (quoteSyntax && c is '"' or '\\')
            {
                sb.Append('\\').Append(c);
            }
            else if (MustEscape(c))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool MustEscape(char c) =>
        char.IsControl(c)
        || char.IsSurrogate(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
