using AiEnergyPipeline.Tabular;
using System.Text;

namespace AiEnergyPipeline.Tests.Tabular;

public class HeadChecksTests
{
    [Theory]
    [InlineData("PK\u0003\u0004rest of a zip", null)]
    [InlineData("\uFEFF\r\n  <!DOCTYPE html><html><table id=\"publicqueue\">", null)]
    [InlineData("", "the file is empty.")]
    [InlineData(" \r\n", "the file is empty.")]
    [InlineData("QP,Type,Requested", "the file is neither an .xlsx workbook (no ZIP signature) nor an HTML page.")]
    public void IsXlsxOrHtml_Head_AcceptsAWorkbookOrAPageOnly(string head, string? expected)
    {
        Assert.Equal(expected, HeadChecks.IsXlsxOrHtml(Encoding.UTF8.GetBytes(head)));
    }

    [Fact]
    public void IsXlsx_HtmlPage_IsRejectedAsAPage()
    {
        Assert.Equal("the server answered with an HTML page, not the data file.", HeadChecks.IsXlsx("<html><body>Maintenance</body></html>"u8.ToArray()));
    }
}
