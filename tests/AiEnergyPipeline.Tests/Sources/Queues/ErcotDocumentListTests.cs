using System.Text.Json;
using AiEnergyPipeline.Sources.Queues;

namespace AiEnergyPipeline.Tests.Sources.Queues;

public class ErcotDocumentListTests
{
    private static string? Newest(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ErcotDocumentList.NewestGisReport(document.RootElement);
    }

    private static string Entry(object docId, string constructedName, string publishDate, string friendlyName = "") =>
        $$$"""{"Document":{"DocID":{{{JsonSerializer.Serialize(docId)}}},"ConstructedName":"{{{constructedName}}}","FriendlyName":"{{{friendlyName}}}","PublishDate":"{{{publishDate}}}"}}""";

    private static string List(params string[] entries) =>
        $$$"""{"ListDocsByRptTypeRes":{"DocumentList":[{{{string.Join(",", entries)}}}]}}""";

    [Fact]
    public void NewestGisReport_SeveralMonths_IsTheNewestGisWorkbookWhateverTheOrder()
    {
        var json = List(
            Entry("1001", "rpt.00015933.0000000000000000.20260902.GIS_Report_August2026.xlsx", "2026-09-02T10:00:00-05:00"),
            Entry("1003", "rpt.00015933.0000000000000000.20261102.GIS_Report_October2026.xlsx", "2026-11-02T10:00:00-06:00"),
            // Newer, but not the workbook: a PDF of the same report, and another document of the report type.
            Entry("1004", "rpt.00015933.0000000000000000.20261103.GIS_Report_October2026.pdf", "2026-11-03T10:00:00-06:00"),
            Entry("1005", "rpt.00015933.0000000000000000.20261104.Co-located_Battery_Identification.xlsx", "2026-11-04T10:00:00-06:00"),
            Entry("1002", "rpt.00015933.0000000000000000.20261002.GIS_Report_September2026.xlsx", "2026-10-02T10:00:00-05:00"));

        Assert.Equal("1003", Newest(json));
    }

    [Fact]
    public void NewestGisReport_NumericDocIdAndNameInFriendlyName_IsRead()
    {
        Assert.Equal("1100000001", Newest(List(Entry(1100000001, "rpt.00015933.20261102.xlsx", "2026-11-02T10:00:00", "GIS_Report_October2026"))));
    }

    [Theory]
    [InlineData("""{"ListDocsByRptTypeRes":{}}""")]
    [InlineData("""{"ListDocsByRptTypeRes":{"DocumentList":[]}}""")]
    public void NewestGisReport_NoDocuments_IsNull(string json)
    {
        Assert.Null(Newest(json));
    }

    [Theory]
    [InlineData("""[]""", "no ListDocsByRptTypeRes object")]
    [InlineData("""{"docs":[]}""", "no ListDocsByRptTypeRes object")]
    [InlineData("""{"ListDocsByRptTypeRes":{"DocumentList":{}}}""", "DocumentList is not an array")]
    [InlineData("""{"ListDocsByRptTypeRes":{"DocumentList":[{"Doc":{}}]}}""", "a DocumentList entry has no Document object")]
    [InlineData("""{"ListDocsByRptTypeRes":{"DocumentList":[{"Document":{"ConstructedName":"GIS_Report_May.xlsx","PublishDate":"2026-06-01"}}]}}""", "the document GIS_Report_May.xlsx has no DocID")]
    [InlineData("""{"ListDocsByRptTypeRes":{"DocumentList":[{"Document":{"DocID":"7","ConstructedName":"GIS_Report_May.xlsx","PublishDate":"soon"}}]}}""", "the document 7 has no PublishDate that reads as a date")]
    public void NewestGisReport_MalformedList_FailsSayingWhat(string json, string message)
    {
        var error = Assert.Throws<FormatException>(() => Newest(json));

        Assert.Equal(message, error.Message);
    }
}
