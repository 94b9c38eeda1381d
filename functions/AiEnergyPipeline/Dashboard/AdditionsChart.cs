using System.Globalization;

using AiEnergyPipeline.Gap.Charts;

namespace AiEnergyPipeline.Dashboard;

/// <summary>
/// Planned firm additions by year, stacked by technology (accredited, completion-weighted MW). The
/// seven largest technologies get their own colour; the rest stack as "other", so the palette stays colour-blind-safe.
/// </summary>
public static class AdditionsChart
{
    public const string Id = "chart-additions";
    public const string Other = "other technologies";
    private const int Named = 7;
    private const double Left = 80;
    private const double Top = 44;
    private const double PlotWidth = 780;
    private const double PlotHeight = 300;

    public static string Title(bool sample) => (sample ? "SAMPLE DATA, NOT REAL: " : "") + "Planned firm additions by year and technology";

    public const string YLabel = "Accredited, completion-weighted (MW)";

    public static string Render(IReadOnlyList<IReadOnlyDictionary<string, string>> additions, bool sample)
    {
        var rows = additions.Select(r => (Year: (int)(CsvRows.Number(r, "year") ?? 0), Class: CsvRows.Text(r, "accreditation_class"), Mw: Math.Max(0, CsvRows.Number(r, "weighted_accredited_mw") ?? 0))).ToList();
        if (rows.Count == 0)
        {
            return "";
        }

        var named = rows.GroupBy(r => r.Class).OrderByDescending(g => g.Sum(r => r.Mw)).ThenBy(g => g.Key, StringComparer.Ordinal).Take(Named).Select(g => g.Key).ToList();
        var groups = rows.Any(r => !named.Contains(r.Class)) ? [.. named, Other] : named;
        string GroupOf(string cls) => named.Contains(cls) ? cls : Other;
        var years = rows.Select(r => r.Year).Distinct().Order().ToList();
        var stacks = years.ToDictionary(y => y, y => groups.Select(g => rows.Where(r => r.Year == y && GroupOf(r.Class) == g).Sum(r => r.Mw)).ToList());
        var width = Left + PlotWidth + 30;
        var legend = groups.Select((g, i) => new ChartLegendEntry(g, ColourOf(groups, i), Box: true)).ToList();
        var legendTop = Top + PlotHeight + 56;
        var height = legendTop + Svg.LegendHeight(legend, width - 40) + 10;
        var svg = new Svg(width);
        svg.Text(20, 24, Title(sample), size: 16, weight: "bold");
        var y = svg.YAxis(Left, Top, PlotWidth, PlotHeight, 0, Math.Max(1, stacks.Values.Max(s => s.Sum())));
        var slot = PlotWidth / years.Count;
        for (var i = 0; i < years.Count; i++)
        {
            var x = Left + (i * slot) + (slot * 0.2);
            var bottom = 0.0;
            for (var g = 0; g < groups.Count; g++)
            {
                var value = stacks[years[i]][g];
                if (value > 0)
                {
                    svg.Rect(x, y(bottom + value), slot * 0.6, y(bottom) - y(bottom + value), ColourOf(groups, g), $"{years[i]} {groups[g]}: {SafeHtml.Number(value)} MW");
                    bottom += value;
                }
            }

            svg.Text(Left + (i * slot) + (slot / 2), Top + PlotHeight + 18, years[i].ToString(CultureInfo.InvariantCulture), "middle", 11);
        }

        svg.Text(Left + (PlotWidth / 2), Top + PlotHeight + 38, "Year", "middle");
        svg.Text(18, Top + (PlotHeight / 2), YLabel, "middle", transform: $"rotate(-90 18 {SafeHtml.Coordinate(Top + (PlotHeight / 2))})");
        svg.Legend(legend, 20, legendTop, width - 40);
        var description = "Accredited, completion-weighted MW planned per year: "
            + string.Join("; ", years.Select(yr => $"{yr}: {SafeHtml.Number(stacks[yr].Sum(), 0)} MW"));
        return svg.Render(Id, height, Title(sample), description);
    }

    /// <summary>A named technology's Okabe-Ito colour; grey for the rest, which is no technology of its own.</summary>
    private static string ColourOf(IReadOnlyList<string> groups, int index) => groups[index] == Other ? OtherColour : Palette.At(index);

    private const string OtherColour = "#999999";
}
