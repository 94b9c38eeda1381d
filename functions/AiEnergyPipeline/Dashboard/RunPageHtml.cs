using System.Globalization;
using System.Text;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Dashboard;

/// <summary>
/// runs/{runId}/index.html: the run at a glance. Static HTML with inline SVG charts, no script and
/// nothing loaded from elsewhere; every link is relative to the run folder, so the page works from a
/// folder (file://), from Blob Storage and from the Functions app alike.
/// </summary>
public static class RunPageHtml
{
    public const int CardYear = 2028;

    public static string SampleBannerText =>
        $"{RunMode.SampleWarning} this run was made from sample files written by AiEnergyPipeline (the bundled snapshot), not from EIA, LBNL, ISO or Ember data. Never quote its numbers.";

    public static string Render(RunPageData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var package = data.Package;
        var title = (data.Sample ? RunMode.SampleWarning + " " : "") + $"US AI demand vs firm supply: run {package.Id}";
        var page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">");
        page.Append(PageStyle.Head(title)).Append("<body>");
        if (data.Sample)
        {
            page.Append("<p class=\"banner\" id=\"sample-banner\" role=\"note\">").Append(SafeHtml.E(SampleBannerText)).Append("</p>");
        }

        page.Append("<header><h1>How far US firm supply falls behind AI demand</h1>");
        page.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">Run <strong>{SafeHtml.E(package.Id)}</strong>, created {SafeHtml.E(package.Created.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))}, mode {SafeHtml.E(package.Mode ?? "not recorded")}, model {SafeHtml.E(package.ModelVersion ?? "not recorded")}{(package.CodeVersion is { } code ? $" (code {SafeHtml.E(CodeVersion.Short(code))})" : "")}, status {SafeHtml.E(data.Report.Status.ToString().ToLowerInvariant())}. ");
        page.Append("Files: ").Append(SafeHtml.LocalLink("datapackage.json", "datapackage.json")).Append(", ").Append(SafeHtml.LocalLink("report.json", "report.json"));
        page.Append(". ").Append(SafeHtml.LocalLink("../../index.html", "The latest run")).Append(".</p>");
        if (package.DerivedFrom is { } derivedFrom)
        {
            // A recompute's numbers rest on an operator's request as well as on the inputs: said where the run is named, not only in datapackage.json.
            page.Append("<p class=\"meta\" id=\"recompute\">A recompute of run ").Append(SafeHtml.LocalLink($"../{derivedFrom}/index.html", derivedFrom))
                .Append(" with an operator's overrides (<a href=\"#assumptions\">what it changed</a>, and the notes below): where they apply, the figures are the operator's, not a publisher's.</p>");
        }

        page.Append("<nav aria-label=\"Sections\"><a href=\"#headline\">Headline</a> | <a href=\"#charts\">Charts</a> | <a href=\"#regions\">Regions</a> | <a href=\"#tables\">Tables</a> | <a href=\"#assumptions\">Assumptions</a> | <a href=\"#sources\">Sources</a> | <a href=\"#runs\">Earlier runs</a></nav></header><main>");
        AppendCards(page, data);
        AppendCharts(page, data);
        RegionTable.Append(page, data.GapByRegion, CardYear);
        RunPageTables.AppendTables(page, package);
        RunPageTables.AppendAssumptions(page, data);
        RunPageTables.AppendSources(page, package, data.Report);
        RunPageTables.AppendRecentRuns(page, data.RecentRuns);
        page.Append("</main><footer><p class=\"small\">Written by AiEnergyPipeline with the run. The model: docs/gap.md of the repository.</p></footer></body></html>\n");
        return page.ToString();
    }

    private static void AppendCards(StringBuilder page, RunPageData data)
    {
        page.Append("<section aria-labelledby=\"headline\"><h2 id=\"headline\">The gap per scenario</h2>");
        if (data.Headline is not { } headline)
        {
            page.Append("<p>This run has no gap headline.</p></section>");
            return;
        }

        page.Append(CultureInfo.InvariantCulture, $"<p>Demand to cover (AI demand plus other load growth since {headline.BaseYear}, with a {SafeHtml.Number(headline.ReserveMargin * 100, 0)}% reserve margin) minus accredited firm additions. Positive: a shortfall.</p>");
        page.Append("<ul class=\"cards\">");
        foreach (var scenario in headline.Scenarios)
        {
            page.Append(CultureInfo.InvariantCulture, $"<li class=\"card\" data-scenario=\"{SafeHtml.E(scenario.ScenarioId)}\"><h3>{SafeHtml.E(scenario.ScenarioId)}</h3>");
            page.Append(CultureInfo.InvariantCulture, $"<p class=\"big\">{SafeHtml.Number(scenario.GapGw2028)} GW</p><p>gap in {CardYear}</p>");
            page.Append(CultureInfo.InvariantCulture, $"<p><strong>{SafeHtml.Number(scenario.GapGwHorizon)} GW</strong> in {scenario.HorizonYear}</p>");
            // A scenario whose points a recompute's request set is the operator's, whatever it was first a publisher's.
            // Read from the data: a year of the scenario whose demand basis is override (the operator's figure).
            var overridden = data.GapByYear.Any(r => CsvRows.Text(r, "scenario_id") == scenario.ScenarioId && CsvRows.Text(r, "ai_demand_basis") == ScenarioValueBasis.Override);
            page.Append(overridden ? "<p class=\"small\">Operator's figures, in place of: " : "<p class=\"small\">Source: ").Append(SafeHtml.Link(data.ScenarioUrl(scenario.ScenarioId), scenario.Source)).Append("</p>");
            page.Append("<p class=\"small\">").Append(SafeHtml.E(scenario.Headline)).Append("</p></li>");
        }

        page.Append("</ul>");
        if (headline.Notes is { Count: > 0 } notes)
        {
            page.Append("<details><summary>The model's notes on its inputs</summary><ul>");
            foreach (var note in notes)
            {
                page.Append("<li>").Append(SafeHtml.E(note)).Append("</li>");
            }

            page.Append("</ul></details>");
        }

        page.Append("</section>");
    }

    private static void AppendCharts(StringBuilder page, RunPageData data)
    {
        page.Append("<section aria-labelledby=\"charts\"><h2 id=\"charts\">Charts</h2>");
        Figure(page, GapByYearChart.Render(data.GapByYear, data.Sample), "The gap by year, one panel per scenario on a shared scale.");
        page.Append("<details><summary>The gap by year as a table (GW)</summary><div class=\"scroll\">").Append(GapTable(data.GapByYear)).Append("</div></details>");
        Figure(page, data.GapChart ?? "", "Firm supply additions against the range of demand the scenarios need covered (gap/gap.svg).");
        // The caption comes from the chart: it says which column was drawn (firm_change_mw, or planned units alone for a run published before it).
        Figure(page, AdditionsChart.Render(data.Additions, data.Sample), AdditionsChart.Caption(data.Additions));
        Figure(page, UsVsChinaChart.Render(data.UsVsChina, data.Sample), UsVsChinaChart.Caption(data.Package.Sources.Any(s => s.Name == SourceNames.Ember && s.Origin == InputOrigin.Sample)));
        page.Append("</section>");
    }

    private static void Figure(StringBuilder page, string svg, string caption)
    {
        if (svg.Length > 0)
        {
            page.Append("<figure>").Append(svg).Append("<figcaption>").Append(SafeHtml.E(caption)).Append("</figcaption></figure>");
        }
    }

    /// <summary>The gap by year as numbers: the charts' text alternative in full.</summary>
    private static string GapTable(IReadOnlyList<IReadOnlyDictionary<string, string>> gapByYear)
    {
        var years = gapByYear.Select(r => CsvRows.Text(r, "year")).Distinct().ToList();
        var table = new StringBuilder("<table><caption>Gap (GW) per scenario and year</caption><thead><tr><th scope=\"col\">scenario</th>");
        foreach (var year in years)
        {
            table.Append("<th scope=\"col\">").Append(SafeHtml.E(year)).Append("</th>");
        }

        table.Append("</tr></thead><tbody>");
        foreach (var scenario in gapByYear.GroupBy(r => CsvRows.Text(r, "scenario_id")))
        {
            table.Append("<tr><th scope=\"row\">").Append(SafeHtml.E(scenario.Key)).Append("</th>");
            foreach (var year in years)
            {
                var row = scenario.FirstOrDefault(r => CsvRows.Text(r, "year") == year);
                table.Append("<td class=\"n\">").Append(SafeHtml.Number(row is null ? null : CsvRows.Number(row, "gap_gw"))).Append("</td>");
            }

            table.Append("</tr>");
        }

        table.Append("</tbody>");
        // Firm additions do not depend on the scenario: one row says, per year, how their weights were
        // found. Runs made before the column was published have none to show.
        if (gapByYear.Count > 0 && gapByYear[0].ContainsKey("firm_additions_basis"))
        {
            var first = gapByYear.Where(r => CsvRows.Text(r, "scenario_id") == CsvRows.Text(gapByYear[0], "scenario_id")).ToList();
            table.Append("<tfoot><tr><th scope=\"row\">firm additions' completion weights</th>");
            foreach (var year in years)
            {
                table.Append("<td>").Append(SafeHtml.E(first.FirstOrDefault(r => CsvRows.Text(r, "year") == year) is { } row ? CsvRows.Text(row, "firm_additions_basis") : "")).Append("</td>");
            }

            table.Append("</tr></tfoot>");
        }

        return table.Append("</table>").ToString();
    }
}
