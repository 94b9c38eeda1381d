using AiEnergyPipeline.Dashboard;

namespace AiEnergyPipeline.Tests.Dashboard;

public sealed class HtmlTests
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<b>x</b>")]
    [InlineData("snapshot/eia860m/file.xlsx")]
    [InlineData("")]
    [InlineData("https://data.gridstatus.example/interconnection_queues/pjm.csv")]
    [InlineData("https://www.example.org/file.csv")]
    [InlineData("http://queue.test/x")]
    public void Link_NotAWebUrl_WritesTheTextOnly(string url) =>
        Assert.Equal("a &lt;b&gt;", SafeHtml.Link(url, "a <b>"));

    [Fact]
    public void Link_WebUrl_EncodesTheAttribute() =>
        Assert.Equal("<a href=\"https://x.org/?a=1&amp;b=&quot;2&quot;\" rel=\"noreferrer\">t</a>", SafeHtml.Link("https://x.org/?a=1&b=\"2\"", "t"));

    [Theory]
    [InlineData("//evil.example/x.csv")]
    [InlineData("/etc/passwd")]
    [InlineData("javascript:alert(1)")]
    [InlineData("data/x.csv\"onclick=\"y")]
    public void LocalLink_NotARelativeStorePath_WritesTheTextOnly(string path) =>
        Assert.Equal("t", SafeHtml.LocalLink(path, "t"));

    [Theory]
    [InlineData("data/ba_hourly/2025_h1.parquet")]
    [InlineData("../../index.html")]
    [InlineData("datapackage.json")]
    public void LocalLink_StorePath_IsALink(string path) =>
        Assert.Equal($"<a href=\"{path}\">t</a>", SafeHtml.LocalLink(path, "t"));

    [Fact]
    public void Number_Unknown_IsADash() => Assert.Equal("\u2013", SafeHtml.Number(null));

    [Theory]
    [InlineData(-0.04, 1, "0.0")]
    [InlineData(-0.4, 0, "0")]
    [InlineData(-0.06, 1, "-0.1")]
    public void Number_NegativeThatRoundsToZero_HasNoMinusSign(double value, int decimals, string expected) =>
        Assert.Equal(expected, SafeHtml.Number(value, decimals));
}
