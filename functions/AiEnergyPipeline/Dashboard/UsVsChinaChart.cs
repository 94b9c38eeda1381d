using System.Globalization;

using AiEnergyPipeline.Gap.Charts;

namespace AiEnergyPipeline.Dashboard;

/// <summary>US against China: capacity added per year (Ember totals, year on year), side by side.</summary>
public static class UsVsChinaChart
{
    public const string Id = "chart-us-china";
    private const double Left = 80;
    private const double Top = 44;
    private const double PlotWidth = 780;
    private const double PlotHeight = 280;

    public static string Title(bool sample) => (sample ? "SAMPLE DATA, NOT REAL: " : "") + "Capacity added per year: United States and China";

    public const string YLabel = "Capacity added (GW)";

    /// <summary>The figure's caption: it credits Ember, unless the run's Ember files are samples, which are not Ember's data.</summary>
    public static string Caption(bool sampleInputs) =>
        sampleInputs
            ? "Capacity added per year in the United States and in China (a sample written by this project in the format of Ember's Yearly Electricity Data, not Ember data; gap/us_vs_china_additions.csv)."
            : "Capacity added per year in the United States and in China (Ember; gap/us_vs_china_additions.csv).";

    public static string Render(IReadOnlyList<IReadOnlyDictionary<string, string>> usVsChina, bool sample)
    {
        var rows = usVsChina.Select(r => (Year: (int)(CsvRows.Number(r, "year") ?? 0), Us: CsvRows.Number(r, "usa_additions_gw"), China: CsvRows.Number(r, "chn_additions_gw"))).OrderBy(r => r.Year).ToList();
        if (rows.Count == 0 || rows.All(r => r.Us is null && r.China is null))
        {
            return "";
        }

        var width = Left + PlotWidth + 30;
        var legend = new[] { new ChartLegendEntry("United States", Palette.At(0), Box: true), new ChartLegendEntry("China", Palette.At(4), Box: true) };
        var legendTop = Top + PlotHeight + 56;
        var height = legendTop + Svg.LegendHeight(legend, width - 40) + 10;
        var svg = new Svg(width);
        svg.Text(20, 24, Title(sample), size: 16, weight: "bold");
        var max = rows.Max(r => Math.Max(r.Us ?? 0, r.China ?? 0));
        var y = svg.YAxis(Left, Top, PlotWidth, PlotHeight, Math.Min(0, rows.Min(r => Math.Min(r.Us ?? 0, r.China ?? 0))), Math.Max(1, max));
        var slot = PlotWidth / rows.Count;
        for (var i = 0; i < rows.Count; i++)
        {
            var x = Left + (i * slot);
            var (year, us, china) = rows[i];
            Bar(svg, y, x + (slot * 0.15), slot * 0.35, us, Palette.At(0), $"{year} United States");
            Bar(svg, y, x + (slot * 0.5), slot * 0.35, china, Palette.At(4), $"{year} China");
            if (us is null && china is null)
            {
                svg.Text(x + (slot / 2), y(0) - 6, "no data", "middle", 11, fill: "#555");
            }

            svg.Text(x + (slot / 2), Top + PlotHeight + 18, year.ToString(CultureInfo.InvariantCulture), "middle", 11);
        }

        svg.Text(Left + (PlotWidth / 2), Top + PlotHeight + 38, "Year", "middle");
        svg.Text(18, Top + (PlotHeight / 2), YLabel, "middle", transform: $"rotate(-90 18 {SafeHtml.Coordinate(Top + (PlotHeight / 2))})");
        svg.Legend(legend, 20, legendTop, width - 40);
        var description = "GW added per year: " + string.Join("; ", rows.Select(r => $"{r.Year}: United States {SafeHtml.Number(r.Us)}, China {SafeHtml.Number(r.China)}"));
        return svg.Render(Id, height, Title(sample), description);
    }

    private static void Bar(Svg svg, Func<double, double> y, double x, double width, double? value, string colour, string label)
    {
        if (value is { } v)
        {
            svg.Rect(x, Math.Min(y(v), y(0)), width, Math.Abs(y(0) - y(v)), colour, $"{label}: {SafeHtml.Number(v)} GW");
        }
    }
}
