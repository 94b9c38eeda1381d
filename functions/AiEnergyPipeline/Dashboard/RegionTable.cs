using System.Globalization;
using System.Text;

using AiEnergyPipeline.Gap.Charts;

namespace AiEnergyPipeline.Dashboard;

/// <summary>
/// The gap by EIA-930 region in one year as a table with bars: per region the lowest and highest
/// gap across the scenarios, the bar drawing that range on one scale for every row. Regions whose
/// gap the run left empty (no complete share of the US peak, or no trend of their own) are named
/// below it, so that a region missing from the bars is never read as a region without a gap.
/// </summary>
public static class RegionTable
{
    private const double BarWidth = 260;
    private const double BarHeight = 16;

    public static void Append(StringBuilder page, IReadOnlyList<IReadOnlyDictionary<string, string>> gapByRegion, int year)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Append(CultureInfo.InvariantCulture, $"<section aria-labelledby=\"regions\"><h2 id=\"regions\">The gap by region in {year}</h2>");
        var regions = (gapByRegion ?? [])
            .Where(r => CsvRows.Number(r, "year") == year && CsvRows.Number(r, "gap_gw") is not null)
            .GroupBy(r => CsvRows.Text(r, "region_code"))
            .Select(g => (Region: g.Key, Low: g.Min(r => CsvRows.Number(r, "gap_gw")!.Value), High: g.Max(r => CsvRows.Number(r, "gap_gw")!.Value), Scenarios: g.Count()))
            .OrderByDescending(r => r.High).ThenBy(r => r.Region, StringComparer.Ordinal)
            .ToList();
        // A region's firm additions do not depend on its demand: the row keeps them when its gap is empty, and so does the page.
        var empty = (gapByRegion ?? [])
            .Where(r => CsvRows.Number(r, "year") == year && CsvRows.Number(r, "gap_gw") is null)
            .GroupBy(r => CsvRows.Text(r, "region_code"), StringComparer.Ordinal)
            .Where(g => !regions.Exists(r => r.Region == g.Key)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => CsvRows.Number(g.First(), "firm_additions_gw") is { } firm ? $"{g.Key} (firm additions by {year}: {SafeHtml.Number(firm)} GW)" : g.Key)
            .ToList();
        var emptyLine = empty.Count == 0 ? "" : $"<p class=\"empty-regions\">Left empty, for want of complete inputs (the reasons are in the model's notes under the headline): {SafeHtml.E(string.Join(", ", empty))}.</p>";
        if (regions.Count == 0)
        {
            page.Append(CultureInfo.InvariantCulture, $"<p>This run has no regional gap for {year}.</p>{emptyLine}</section>");
            return;
        }

        var min = Math.Min(0, regions.Min(r => r.Low));
        var max = Math.Max(0.001, regions.Max(r => r.High));
        double X(double v) => (v - min) / (max - min) * BarWidth;
        page.Append("<p>Regional AI demand is the US figure times the region's share of summed peaks (docs/gap.md of the repository). The bar spans the lowest to the highest scenario; the line marks zero.</p>");
        page.Append(CultureInfo.InvariantCulture, $"<div class=\"scroll\"><table><caption>Gap (GW) by region in {year}, across the scenarios</caption><thead><tr><th scope=\"col\">region</th><th scope=\"col\">lowest (GW)</th><th scope=\"col\">highest (GW)</th><th scope=\"col\">range</th></tr></thead><tbody>");
        foreach (var (region, low, high, scenarios) in regions)
        {
            var label = $"{region}: {SafeHtml.Number(low)} to {SafeHtml.Number(high)} GW across {scenarios} scenarios";
            page.Append("<tr><th scope=\"row\">").Append(SafeHtml.E(region)).Append("</th>");
            page.Append("<td class=\"n\">").Append(SafeHtml.Number(low)).Append("</td><td class=\"n\">").Append(SafeHtml.Number(high)).Append("</td><td>");
            page.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{SafeHtml.E(label)}\" viewBox=\"0 0 {BarWidth} {BarHeight}\" width=\"{BarWidth}\" height=\"{BarHeight}\">");
            page.Append(CultureInfo.InvariantCulture, $"<rect x=\"{SafeHtml.Coordinate(X(low))}\" y=\"2\" width=\"{SafeHtml.Coordinate(Math.Max(1, X(high) - X(low)))}\" height=\"{BarHeight - 4}\" fill=\"{Palette.At(1)}\"/>");
            page.Append(CultureInfo.InvariantCulture, $"<line x1=\"{SafeHtml.Coordinate(X(0))}\" y1=\"0\" x2=\"{SafeHtml.Coordinate(X(0))}\" y2=\"{BarHeight}\" stroke=\"#222\" stroke-width=\"1\"/></svg></td></tr>");
        }

        page.Append("</tbody></table></div>").Append(emptyLine).Append("</section>");
    }
}
