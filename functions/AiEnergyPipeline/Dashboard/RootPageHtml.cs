using System.Globalization;
using System.Text;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;

namespace AiEnergyPipeline.Dashboard;

/// <summary>
/// The store's root index.html: the latest run's page, by a link and a refresh without script.
/// Rewritten with every swing of latest.json (see <see cref="RunPublisher"/>), so it names the run latest.json names.
/// </summary>
public static class RootPageHtml
{
    public static string Render(LatestPointer latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var target = $"runs/{latest.RunId}/{RunPublisher.PageFileName}";
        var page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">");
        var head = PageStyle.Head("AiEnergyPipeline: the latest run");
        page.Append(head.Replace("</head>", $"<meta http-equiv=\"refresh\" content=\"0; url={SafeHtml.E(target)}\"></head>", StringComparison.Ordinal));
        page.Append("<body>");
        if (latest.Sample)
        {
            page.Append("<p class=\"banner\" role=\"note\">").Append(SafeHtml.E($"{RunMode.SampleWarning} the latest run was made from sample files, not real data.")).Append("</p>");
        }

        page.Append("<main><h1>AiEnergyPipeline: the latest run</h1>");
        page.Append(CultureInfo.InvariantCulture, $"<p>The latest run is {SafeHtml.LocalLink(target, latest.RunId)}, published {SafeHtml.E(latest.PublishedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}.</p>");
        page.Append("<p>").Append(SafeHtml.LocalLink(RunPublisher.LatestPath, "latest.json")).Append(" names it for programs.</p></main></body></html>\n");
        return page.ToString();
    }
}
