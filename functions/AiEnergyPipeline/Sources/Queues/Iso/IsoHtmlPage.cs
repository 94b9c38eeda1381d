using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// An ISO's queue published as an HTML page rather than a file (ISO-NE's IRTT report,
/// https://irtt.iso-ne.com/reports/external: one table, id "publicqueue"), as sheets for
/// <see cref="IsoQueueReader"/>: each table one sheet, every row of it (title rows, the header in
/// its thead, the data) a <see cref="SheetRow"/> numbered by the line of its &lt;tr&gt; in the page,
/// so that a quarantined row can be found in the archived page. The table with id
/// <see cref="QueueTableId"/> is read alone where the page has it; a page without it has its every
/// table read, so that a renamed id still finds the queue by its header, and a page that is no
/// queue fails naming the columns it lacks.
/// </summary>
/// <remarks>
/// The page is held whole, as a parsed document (AngleSharp), not streamed: the queue is the page,
/// and a streaming HTML tokenizer would be code of our own for little gain. That is bounded: the
/// download is limited by Sources:Http:MaxBodyBytes, and a page over <see cref="MaxPageBytes"/> is
/// refused here before parsing. A page of 1,750 requests in ISO-NE's layout is about 1.4 MB, and
/// reading it allocated about 70 MB (measured once, ad hoc, on the build machine).
/// </remarks>
public static class IsoHtmlPage
{
    /// <summary>The id of ISO-NE's queue table (gridstatus/isone.py reads the table by it).</summary>
    public const string QueueTableId = "publicqueue";

    /// <summary>The largest page parsed: many times ISO-NE's, far below what its document would cost in memory at the download limit.</summary>
    public const long MaxPageBytes = 64L << 20;

    /// <summary>Whether the first bytes of a file look like markup (an HTML page) rather than a workbook or data.</summary>
    public static bool StartsLikeMarkup(string path) => QueueWorkbookFile.HeadText(path).StartsWith('<');

    /// <exception cref="SourceException">The page is larger than <see cref="MaxPageBytes"/>.</exception>
    public static IReadOnlyList<IsoSheet> Sheets(FetchedFile file, SourceLimitsOptions? limits = null)
    {
        var bytes = new FileInfo(file.LocalPath).Length;
        if (bytes > MaxPageBytes)
        {
            throw new SourceException(file.Source, file.FileName, $"the HTML page is {bytes} bytes, over the {MaxPageBytes} bytes a queue page is read up to.");
        }

        var maxColumns = (limits ?? new SourceLimitsOptions()).MaxSheetColumns;
        IDocument document;
        using (var content = File.OpenRead(file.LocalPath))
        {
            document = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true }).ParseDocument(content);
        }

        var tables = document.QuerySelectorAll("table").OfType<IHtmlTableElement>().ToList();
        var queue = tables.Where(t => t.Id == QueueTableId).Take(1).ToList();
        return (queue.Count > 0 ? queue : tables)
            .Select((table, i) => new IsoSheet(NameOf(table, i), () => Rows(table, maxColumns)))
            .ToList();
    }

    private static string NameOf(IHtmlTableElement table, int index) =>
        string.IsNullOrWhiteSpace(table.Id) ? $"table {index + 1}" : table.Id.Trim();

    /// <summary>Every non-blank row, its cells' texts; a cell spanning columns is its text then blanks, so that the columns stay in place.</summary>
    private static IEnumerable<SheetRow> Rows(IHtmlTableElement table, int maxColumns)
    {
        var index = 0;
        foreach (var tr in table.Rows)
        {
            index++;
            var values = new List<object?>();
            foreach (var cell in tr.Cells)
            {
                values.Add(TextOf(cell));
                var span = Math.Clamp(cell.ColumnSpan, 1, maxColumns);
                for (var extra = 1; extra < span && values.Count < maxColumns; extra++)
                {
                    values.Add(null);
                }

                if (values.Count >= maxColumns)
                {
                    break;
                }
            }

            var row = new SheetRow(tr.SourceReference?.Position.Line ?? index, [.. values]);
            if (!row.IsBlank)
            {
                yield return row;
            }
        }
    }

    /// <summary>
    /// A cell's text, white space folded; where it has none, the titles of its images: ISO-NE shows
    /// a study's state (FS, SIS, OS, FAC, IA) as an icon titled "Under Study", "Executed", ...
    /// (gridstatus replaces those images by their titles too).
    /// </summary>
    private static string TextOf(IHtmlTableCellElement cell)
    {
        var text = string.Join(' ', cell.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length > 0)
        {
            return text;
        }

        return string.Join("; ", cell.QuerySelectorAll("img")
            .Select(img => img.GetAttribute("title") is { Length: > 0 } title ? title : img.GetAttribute("alt") ?? "")
            .Select(t => t.Trim())
            .Where(t => t.Length > 0));
    }
}
