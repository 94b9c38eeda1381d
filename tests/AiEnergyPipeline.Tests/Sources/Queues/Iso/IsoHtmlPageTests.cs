using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Queues.Iso;
using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Tests.Sources.Queues.Iso;

public class IsoHtmlPageTests
{
    /// <summary>Each row's line and its cells' texts joined by "|" (a blank cell is empty text).</summary>
    private static List<(int Line, string Cells)> RowsOf(IsoSheet sheet) =>
        sheet.Rows().Select(r => (r.Number, string.Join("|", r.Texts()))).ToList();

    [Fact]
    public void Sheets_PageWithTheQueueTableAndALegend_IsTheQueueTableAloneWithIconsAsTheirTitlesAndSpansKeptInPlace()
    {
        var file = QueueSamples.Text("isone_external.html",
            "<html><body>\n" +
            "<table><tr><td><img title=\"Executed\"></td><td>Executed</td></tr></table>\n" +
            "<table id=\"publicqueue\">\n" +
            "<thead><tr><th colspan=\"3\">Queue</th></tr>\n" +
            "<tr><th>QP</th><th>FS</th><th> Alternative\n   Name </th></tr></thead>\n" +
            "<tbody>\n" +
            "<tr><td>533</td><td><img title=\"Not Required\" alt=\"x\"></td><td>Nor&#39;easter &amp; Co</td></tr>\n" +
            "<tr><td></td><td></td><td></td></tr>\n" +
            "<tr><td>614</td><td><img alt=\"Executed\"></td><td colspan=\"2\">Granite</td></tr>\n" +
            "</tbody></table></body></html>\n");

        var sheet = Assert.Single(IsoHtmlPage.Sheets(file));

        Assert.Equal("publicqueue", sheet.Name);
        var rows = RowsOf(sheet);
        Assert.Equal([4, 5, 8, 10], rows.Select(r => r.Line));
        Assert.Equal(["Queue||", "QP|FS|Alternative Name", "533|Not Required|Nor'easter & Co", "614|Executed|Granite|"], rows.Select(r => r.Cells));
    }

    [Fact]
    public void Sheets_PageOfThousandsOfTablesWithoutTheQueueTable_FailsTheFileAtOnce()
    {
        var file = QueueSamples.Text("page.html", "<html><body>" + string.Concat(Enumerable.Repeat("<table></table>", 5_000)) + "</body></html>");

        var error = Assert.Throws<SourceException>(() => IsoHtmlPage.Sheets(file));

        Assert.Equal("page.html", error.File);
        Assert.Contains("the HTML page has 5,000 tables and none with id \"publicqueue\"; a queue page is read up to 100 tables.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sheets_PageWithoutTheQueueTableId_IsEveryTableNamedByIdOrPlace()
    {
        var file = QueueSamples.Text("page.html", "<html><body><table><tr><td>a</td></tr></table><table id=\"queue2\"><tr><td>b</td></tr></table></body></html>");

        var sheets = IsoHtmlPage.Sheets(file);

        Assert.Equal(["table 1", "queue2"], sheets.Select(s => s.Name));
        Assert.Equal("b", RowsOf(sheets[1]).Single().Cells);
    }

    [Fact]
    public void Sheets_ScriptWritingATableAndCellsLeftOpen_ReadsOnlyThePagesTableEndingRowsAndCellsAsAParserWould()
    {
        var file = QueueSamples.Text("page.html",
            "<html><head><script>document.write('<table id=\"publicqueue\"><tr><td>fake</td></tr></table>');</script>\n" +
            "<style>td::before { content: '<td>'; }</style></head><body>\n" +
            "<table id=\"publicqueue\">\n" +
            "<tr><th>QP<th>Alternative Name\n" +
            "<tr><td>533<td>Wind <b>One</b><br>Phase I\n" +
            "<tr><td>614<td><table><tr><td>nested</td></tr></table>\n" +
            "</table><table><tr><td>after</td></tr></table></body></html>");

        var sheet = Assert.Single(IsoHtmlPage.Sheets(file));

        Assert.Equal([(4, "QP|Alternative Name"), (5, "533|Wind One Phase I"), (6, "614|nested")], RowsOf(sheet));
    }

    [Fact]
    public void Sheets_SpanWiderThanTheColumnLimit_IsCutAtTheLimit()
    {
        var file = QueueSamples.Text("page.html", "<table id=\"publicqueue\"><tr><td colspan=\"900\">title</td><td>after</td></tr></table>");

        var row = RowsOf(Assert.Single(IsoHtmlPage.Sheets(file, new SourceLimitsOptions { MaxSheetColumns = 5 }))).Single();

        Assert.Equal("title||||", row.Cells);
    }

    [Fact]
    public void Sheets_PageOverTheSizeLimit_FailsNamingTheFile()
    {
        var path = Path.Combine(TestKit.Repository.NewTempFolder(), "big.html");
        using (var stream = File.Create(path))
        {
            stream.Write("<html>"u8);
            stream.SetLength(IsoHtmlPage.MaxPageBytes + 1);
        }

        var error = Assert.Throws<SourceException>(() => IsoHtmlPage.Sheets(QueueSamples.Local(path, "big.html")));

        Assert.StartsWith("queues: big.html: the HTML page is ", error.Message, StringComparison.Ordinal);
    }
}
