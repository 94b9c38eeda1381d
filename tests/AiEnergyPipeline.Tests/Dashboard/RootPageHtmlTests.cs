using AiEnergyPipeline.Dashboard;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;

namespace AiEnergyPipeline.Tests.Dashboard;

public sealed class RootPageHtmlTests
{
    [Fact]
    public void Render_SampleLatest_LinksAndRefreshesToTheRunPageWithBanner()
    {
        var html = RootPageHtml.Render(new LatestPointer("20261130T000000Z-abc123", DateTimeOffset.UnixEpoch, "runs/x/datapackage.json", "sha", [], RunMode.Sample));

        Assert.Contains("<meta http-equiv=\"refresh\" content=\"0; url=runs/20261130T000000Z-abc123/index.html\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"runs/20261130T000000Z-abc123/index.html\">20261130T000000Z-abc123</a>", html, StringComparison.Ordinal);
        Assert.Contains(RunMode.SampleWarning, html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
    }
}
