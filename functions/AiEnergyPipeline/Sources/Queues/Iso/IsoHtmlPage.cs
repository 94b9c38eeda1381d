using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using System.Text;

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
/// Read as a stream of tokens (AngleSharp's HTML tokenizer), row by row, not parsed into a
/// document, which holds an object per element and cell. Measured once on a generated page of
/// 1,750 requests in ISO-NE's layout (1.36 MB): reading it into projects raised the heap at most
/// 29 MB above where it started (allocations that a collection would free included) against 61 MB
/// through a parsed document. The tokenizer keeps the page's text (two bytes a character), not
/// the elements. A page over <see cref="MaxPageBytes"/> is refused before reading.
/// </remarks>
public static class IsoHtmlPage
{
    /// <summary>The id of ISO-NE's queue table (gridstatus/isone.py reads the table by it).</summary>
    public const string QueueTableId = "publicqueue";

    /// <summary>The largest page read: many times ISO-NE's (about 1.4 MB for 1,750 requests).</summary>
    public const long MaxPageBytes = 64L << 20;

    /// <summary>Tables of a page without the queue's table read as sheets (ISO-NE's page has a handful).</summary>
    public const int MaxTables = 100;

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
        // One pass for the tables' ids; each sheet's rows are another pass, when it is read.
        var ids = TableIds(file.LocalPath);
        var queue = ids.IndexOf(QueueTableId);
        if (queue < 0 && ids.Count > MaxTables)
        {
            // Without the queue's table each table is a sheet, and each sheet reads the page from its start:
            // thousands of tables would cost time as the square of the page.
            throw new SourceException(file.Source, file.FileName, $"the HTML page has {ids.Count:N0} tables and none with id \"{QueueTableId}\"; a queue page is read up to {MaxTables} tables.");
        }

        return (queue >= 0 ? [queue] : Enumerable.Range(0, ids.Count))
            .Select(i => new IsoSheet(string.IsNullOrWhiteSpace(ids[i]) ? $"table {i + 1}" : ids[i]!.Trim(), () => Rows(file.LocalPath, i, maxColumns)))
            .ToList();
    }

    /// <summary>The id of every table of the page, in the order they open (null where one has none).</summary>
    private static List<string?> TableIds(string path) =>
        [.. Tokens(path, tagsOnly: true).Where(t => t.Type == HtmlTokenType.StartTag && t.Name == "table").Select(t => t.AsTag().GetAttribute("id"))];

    /// <summary>
    /// Every non-blank row of the <paramref name="table"/>-th table (in the order tables open), its
    /// cells' texts; a cell spanning columns is its text then blanks, so that the columns stay in
    /// place. A row or cell left open ends where the next begins, as an HTML parser ends it.
    /// </summary>
    private static IEnumerable<SheetRow> Rows(string path, int table, int maxColumns)
    {
        var opened = -1;
        var depth = 0;
        var row = default(RowBuilder);
        foreach (var token in Tokens(path))
        {
            if (token.Type == HtmlTokenType.StartTag && token.Name == "table")
            {
                opened++;
                depth += opened == table || depth > 0 ? 1 : 0;
                continue;
            }

            if (depth == 0)
            {
                continue;
            }

            if (token.Type == HtmlTokenType.EndTag && token.Name == "table" && --depth == 0)
            {
                if (row?.ToRow() is { } last)
                {
                    yield return last;
                }

                yield break;
            }

            if (depth > 1)
            {
                // A table inside a cell: its text is the cell's, as a document's TextContent would be.
                row?.Text(token);
                continue;
            }

            switch (token.Type, token.Name)
            {
                case (HtmlTokenType.StartTag, "tr"):
                    if (row?.ToRow() is { } previous)
                    {
                        yield return previous;
                    }

                    row = new RowBuilder(token.Position.Line, maxColumns);
                    break;
                case (HtmlTokenType.EndTag, "tr"):
                    if (row?.ToRow() is { } ended)
                    {
                        yield return ended;
                    }

                    row = null;
                    break;
                case (HtmlTokenType.StartTag, "td" or "th"):
                    row ??= new RowBuilder(token.Position.Line, maxColumns);
                    row.OpenCell(token.AsTag());
                    break;
                case (HtmlTokenType.EndTag, "td" or "th"):
                    row?.CloseCell();
                    break;
                default:
                    row?.Text(token);
                    break;
            }
        }

        if (depth > 0 && row?.ToRow() is { } unclosed)
        {
            yield return unclosed;
        }
    }

    /// <summary>The page's tokens in order; script, style and the like read as text, as a parser reads them.</summary>
    /// <param name="tagsOnly">Skip text and comments (no string is made of them): only the tags are wanted.</param>
    private static IEnumerable<HtmlToken> Tokens(string path, bool tagsOnly = false)
    {
        using var content = File.OpenRead(path);
        using var source = new TextSource(content, Encoding.UTF8);
        var tokenizer = new HtmlTokenizer(source, HtmlEntityProvider.Resolver)
        {
            SkipDataText = tagsOnly,
            SkipScriptText = tagsOnly,
            SkipRawText = tagsOnly,
            SkipRCDataText = tagsOnly,
            SkipComments = tagsOnly,
        };
        while (tokenizer.Get() is { Type: not HtmlTokenType.EndOfFile } token)
        {
            if (token.Type == HtmlTokenType.StartTag && !token.AsTag().IsSelfClosing)
            {
                tokenizer.State = token.Name switch
                {
                    "script" => HtmlParseMode.Script,
                    "style" or "xmp" or "iframe" or "noembed" or "noframes" => HtmlParseMode.Rawtext,
                    "textarea" or "title" => HtmlParseMode.RCData,
                    _ => tokenizer.State,
                };
            }

            yield return token;
        }
    }

    /// <summary>One row as its tokens arrive: its cells' texts, and the titles of a cell's images.</summary>
    private sealed class RowBuilder(int line, int maxColumns)
    {
        private readonly List<object?> _values = [];
        private readonly StringBuilder _text = new();
        private readonly List<string> _images = [];
        private int _span;
        private bool _inCell;

        public void OpenCell(HtmlTagToken cell)
        {
            CloseCell();
            _inCell = true;
            _span = int.TryParse(cell.GetAttribute("colspan"), out var span) ? Math.Clamp(span, 1, maxColumns) : 1;
        }

        public void Text(HtmlToken token)
        {
            if (!_inCell)
            {
                return;
            }

            if (token.Type == HtmlTokenType.Character)
            {
                _text.Append(token.Data);
            }
            else if (token.Type == HtmlTokenType.StartTag && token.Name == "img")
            {
                var tag = token.AsTag();
                var title = tag.GetAttribute("title") is { Length: > 0 } t ? t : tag.GetAttribute("alt");
                if (!string.IsNullOrWhiteSpace(title))
                {
                    _images.Add(title.Trim());
                }
            }
            else if (token.Type == HtmlTokenType.StartTag && token.Name == "br")
            {
                _text.Append(' ');
            }
        }

        /// <summary>
        /// Ends the open cell: its text, white space folded; where it has none, the titles of its
        /// images (ISO-NE shows a study's state, FS, SIS, OS, FAC and IA, as an icon titled "Under
        /// Study", "Executed", ...; gridstatus replaces those images by their titles too).
        /// </summary>
        public void CloseCell()
        {
            if (!_inCell)
            {
                return;
            }

            _inCell = false;
            if (_values.Count >= maxColumns)
            {
                return;
            }

            var text = string.Join(' ', _text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            _values.Add(text.Length > 0 ? text : string.Join("; ", _images));
            for (var extra = 1; extra < _span && _values.Count < maxColumns; extra++)
            {
                _values.Add(null);
            }

            _text.Clear();
            _images.Clear();
        }

        /// <summary>The row, or null when all of it is blank.</summary>
        public SheetRow? ToRow()
        {
            CloseCell();
            var row = new SheetRow(line, [.. _values]);
            return row.IsBlank ? null : row;
        }
    }
}
