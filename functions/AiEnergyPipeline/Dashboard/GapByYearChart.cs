using System.Globalization;

using AiEnergyPipeline.Gap.Charts;

namespace AiEnergyPipeline.Dashboard;

/// <summary>
/// The gap by year as small multiples: one panel per scenario on one shared scale, so that eleven
/// lines never share an axis and each scenario reads on its own.
/// </summary>
public static class GapByYearChart
{
    public const string Id = "chart-gap-by-year";
    private const double PanelWidth = 290;
    private const double PanelHeight = 150;
    private const double Columns = 3;
    private const double Left = 70;
    private const double Top = 44;
    private const double PanelGapX = 40;
    private const double PanelGapY = 48;

    public static string Title(bool sample) => (sample ? "SAMPLE DATA, NOT REAL: " : "") + "US gap between demand to cover and firm supply, by scenario";

    public const string YLabel = "Gap (GW), above zero a shortfall";

    public static string Render(IReadOnlyList<IReadOnlyDictionary<string, string>> gapByYear, bool sample)
    {
        var scenarios = gapByYear.Select(r => CsvRows.Text(r, "scenario_id")).Distinct().ToList();
        var years = gapByYear.Select(r => (int)(CsvRows.Number(r, "year") ?? 0)).Distinct().Order().ToList();
        if (scenarios.Count == 0 || years.Count < 2)
        {
            return "";
        }

        var values = gapByYear.Select(r => CsvRows.Number(r, "gap_gw") ?? 0).ToList();
        var rows = (int)Math.Ceiling(scenarios.Count / Columns);
        var width = Left + (Columns * PanelWidth) + ((Columns - 1) * PanelGapX) + 20;
        var legend = new[] { new ChartLegendEntry("Gap (GW): (AI + other load growth) x (1 + reserve margin) - firm additions", Palette.At(0)) };
        var xTitleTop = Top + (rows * (PanelHeight + PanelGapY)) + 12;
        var legendTop = xTitleTop + 26;
        var height = legendTop + Svg.LegendHeight(legend, width - 40) + 10;
        var svg = new Svg(width);
        svg.Text(20, 24, Title(sample), size: 16, weight: "bold");
        svg.Text(16, Top + (rows * (PanelHeight + PanelGapY) / 2), YLabel, "middle", transform: $"rotate(-90 16 {SafeHtml.Coordinate(Top + (rows * (PanelHeight + PanelGapY) / 2))})");
        for (var i = 0; i < scenarios.Count; i++)
        {
            var left = Left + (i % (int)Columns * (PanelWidth + PanelGapX));
            var top = Top + (i / (int)Columns * (PanelHeight + PanelGapY)) + 18;
            svg.Text(left, top - 6, scenarios[i], weight: "bold");
            var y = svg.YAxis(left, top, PanelWidth, PanelHeight, Math.Min(0, values.Min()), Math.Max(0, values.Max()), labels: i % (int)Columns == 0);
            double X(int year) => left + ((year - years[0]) / (double)(years[^1] - years[0]) * PanelWidth);
            var points = gapByYear.Where(r => CsvRows.Text(r, "scenario_id") == scenarios[i] && CsvRows.Number(r, "gap_gw") is not null)
                .Select(r => (X((int)CsvRows.Number(r, "year")!.Value), y(CsvRows.Number(r, "gap_gw")!.Value))).ToList();
            svg.Polyline(points, Palette.At(0));
            foreach (var (px, py) in points)
            {
                svg.Circle(px, py, 3, Palette.At(0));
            }

            foreach (var year in years)
            {
                svg.Text(X(year), top + PanelHeight + 14, year.ToString(CultureInfo.InvariantCulture), "middle", 11);
            }
        }

        svg.Text(Left + ((width - Left) / 2), xTitleTop, "Year", "middle");
        svg.Legend(legend, 20, legendTop, width - 40);
        var description = "The gap in GW per scenario and year; the table below the chart holds every value. "
            + string.Join("; ", scenarios.Select(s => $"{s}: {SafeHtml.Number(gapByYear.LastOrDefault(r => CsvRows.Text(r, "scenario_id") == s && CsvRows.Number(r, "year") == 2028) is { } r ? CsvRows.Number(r, "gap_gw") : null)} GW in 2028"));
        return svg.Render(Id, height, Title(sample), description);
    }
}
