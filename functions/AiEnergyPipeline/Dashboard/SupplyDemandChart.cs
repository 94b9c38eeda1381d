using System.Globalization;

namespace AiEnergyPipeline.Dashboard;

/// <summary>
/// Firm supply against demand: the firm additions as one labelled line, against the band the
/// scenarios' demand to cover spans (AI plus other load growth, with the reserve margin) and its middle.
/// </summary>
public static class SupplyDemandChart
{
    public const string Id = "chart-supply-demand";
    private const double Left = 80;
    private const double Top = 44;
    private const double PlotWidth = 780;
    private const double PlotHeight = 320;

    public static string Title(bool sample) => (sample ? "SAMPLE DATA, NOT REAL: " : "") + "US firm supply additions against the demand to cover";

    public const string YLabel = "Capacity since the base year (GW)";

    public static string Render(IReadOnlyList<IReadOnlyDictionary<string, string>> gapByYear, bool sample)
    {
        var byYear = gapByYear
            .Select(r => (Year: (int)(CsvRows.Number(r, "year") ?? 0),
                Need: ((CsvRows.Number(r, "ai_demand_gw") ?? 0) + (CsvRows.Number(r, "other_load_growth_gw") ?? 0)) * (1 + (CsvRows.Number(r, "reserve_margin") ?? 0)),
                Firm: CsvRows.Number(r, "firm_additions_gw") ?? 0))
            .GroupBy(r => r.Year).OrderBy(g => g.Key)
            .Select(g => (Year: g.Key, Low: g.Min(r => r.Need), High: g.Max(r => r.Need), Median: Median(g.Select(r => r.Need)), Firm: g.Max(r => r.Firm)))
            .ToList();
        if (byYear.Count < 2)
        {
            return "";
        }

        var scenarios = gapByYear.Select(r => CsvRows.Text(r, "scenario_id")).Distinct().Count();
        var width = Left + PlotWidth + 30;
        var legend = new[]
        {
            new ChartLegendEntry($"Demand to cover: range of the {scenarios} scenarios (AI + other load growth, with reserve margin)", Palette.At(5), Box: true),
            new ChartLegendEntry("Demand to cover: middle scenario", Palette.At(0), Dash: "6 4"),
            new ChartLegendEntry("Firm supply additions (accredited, completion-weighted)", Palette.At(1)),
        };
        var legendTop = Top + PlotHeight + 56;
        var height = legendTop + Svg.LegendHeight(legend, width - 40) + 10;
        var svg = new Svg(width);
        svg.Text(20, 24, Title(sample), size: 16, weight: "bold");
        var y = svg.YAxis(Left, Top, PlotWidth, PlotHeight, Math.Min(0, byYear.Min(r => Math.Min(r.Low, r.Firm))), byYear.Max(r => Math.Max(r.High, r.Firm)));
        double X(int year) => Left + ((year - byYear[0].Year) / (double)(byYear[^1].Year - byYear[0].Year) * PlotWidth);
        svg.Polygon(byYear.Select(r => (X(r.Year), y(r.High))).Concat(byYear.AsEnumerable().Reverse().Select(r => (X(r.Year), y(r.Low)))), Palette.At(5), 0.45);
        svg.Polyline(byYear.Select(r => (X(r.Year), y(r.Median))), Palette.At(0), 2.5, "6 4");
        svg.Polyline(byYear.Select(r => (X(r.Year), y(r.Firm))), Palette.At(1), 3.5);
        foreach (var r in byYear)
        {
            svg.Text(X(r.Year), Top + PlotHeight + 18, r.Year.ToString(CultureInfo.InvariantCulture), "middle", 11);
        }

        svg.Text(Left + (PlotWidth / 2), Top + PlotHeight + 38, "Year", "middle");
        svg.Text(18, Top + (PlotHeight / 2), YLabel, "middle", transform: $"rotate(-90 18 {SafeHtml.Coordinate(Top + (PlotHeight / 2))})");
        svg.Legend(legend, 20, legendTop, width - 40);
        var last = byYear[^1];
        var description = $"In {last.Year} firm supply additions reach {SafeHtml.Number(last.Firm)} GW, against {SafeHtml.Number(last.Low)} to {SafeHtml.Number(last.High)} GW of demand to cover across the scenarios.";
        return svg.Render(Id, height, Title(sample), description);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
