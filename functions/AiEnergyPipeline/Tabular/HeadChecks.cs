using AiEnergyPipeline.Fetch;
using System.Text;

namespace AiEnergyPipeline.Tabular;

/// <summary>Checks of a download's first bytes, for <see cref="HttpFileFetcher"/>: error pages served with status 200 are common.</summary>
public static class HeadChecks
{
    /// <summary>A CSV or JSON file must not be empty or an HTML page.</summary>
    public static string? NotEmptyOrHtml(ReadOnlyMemory<byte> head)
    {
        var text = Encoding.UTF8.GetString(head.Span).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.Length == 0 ? "the file is empty."
            : text.StartsWith('<') ? "the server answered with an HTML page, not the data file."
            : null;
    }

    /// <summary>A workbook (.xlsx) is a ZIP file: it starts with PK\x03\x04.</summary>
    public static string? IsXlsx(ReadOnlyMemory<byte> head) =>
        Workbook.StartsLikeXlsx(head.Span) ? null
        : NotEmptyOrHtml(head) ?? "the file is not an .xlsx workbook (no ZIP signature).";

    /// <summary>
    /// A workbook, or an HTML page: for a publisher whose data is a page (ISO-NE's queue table). An
    /// error page passes here and fails where its tables are read, naming the columns it lacks.
    /// </summary>
    public static string? IsXlsxOrHtml(ReadOnlyMemory<byte> head)
    {
        if (Workbook.StartsLikeXlsx(head.Span))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(head.Span).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.Length == 0 ? "the file is empty."
            : text.StartsWith('<') ? null
            : "the file is neither an .xlsx workbook (no ZIP signature) nor an HTML page.";
    }
}
