using System.Globalization;

using AiEnergyPipeline.Gap.Charts;

namespace AiEnergyPipeline.Dashboard;

/// <summary>
/// Firm supply change by year, stacked by technology: each row's firm_change_mw, what the gap counts (completion-weighted
/// planned additions plus units built, minus retirements, accredited). Gains stack up from zero, losses down, and a diamond
/// marks the year's net. The seven largest technologies (by absolute change) get their own colour; the rest stack as
/// "other", so the palette stays colour-blind-safe. A run published before firm_change_mw has only the planned units
/// (weighted_accredited_mw): for it the chart, and its caption, stay as they were.
/// </summary>
public static class AdditionsChart
{
    public const string Id = "chart-additions";
    public const string Other = "other technologies";
    public const string NetLabel = "net change of the year";
    public const string YLabel = "Accredited MW (additions up, retirements down)";
    public const string PlannedYLabel = "Accredited, completion-weighted (MW)";

    public const string FirmChangeCaption =
        "Firm supply change per year, stacked by technology (firm_change_mw of gap/additions_by_year_technology.csv): completion-weighted planned additions plus units built, "
        + "minus retirements planned and made, each accredited; gains stack up from zero, losses down, and a diamond marks the year's net. "
        + "The nets summed up to a year, over 1000, are that year's firm_additions_gw in gap/gap_by_year.csv.";

    public const string PlannedCaption =
        "Planned firm additions per year, stacked by technology (weighted_accredited_mw of gap/additions_by_year_technology.csv): planned units only: this run's file has no firm_change_mw, so the units built or retired since the base year, which the gap also counts, cannot be drawn.";

    private const string FirmChangeColumn = "firm_change_mw";
    private const string PlannedColumn = "weighted_accredited_mw";
    private const int Named = 7;
    private const double Left = 80;
    private const double Top = 44;
    private const double PlotWidth = 780;
    private const double PlotHeight = 300;
    private const string Ink = "#222";

    public static string Title(bool sample, bool firmChange = true) =>
        (sample ? "SAMPLE DATA, NOT REAL: " : "") + (firmChange ? "Firm supply change by year and technology" : "Planned firm additions by year and technology");

    /// <summary>
    /// Whether the table has what the gap counts in every row. Runs published before firm_change_mw are read by the same
    /// page; a table with the column but a cell that is no number is not drawn as if that row changed nothing.
    /// </summary>
    public static bool HasFirmChange(IReadOnlyList<IReadOnlyDictionary<string, string>> additions) =>
        additions.Count > 0 && additions.All(r => CsvRows.Number(r, FirmChangeColumn) is not null);

    /// <summary>The figure's caption, saying which column <see cref="Render"/> drew.</summary>
    public static string Caption(IReadOnlyList<IReadOnlyDictionary<string, string>> additions) =>
        HasFirmChange(additions) ? FirmChangeCaption : PlannedCaption;

    public static string Render(IReadOnlyList<IReadOnlyDictionary<string, string>> additions, bool sample)
    {
        var firmChange = HasFirmChange(additions);
        // Planned MW is never negative: clamped, as before, so that an odd cell cannot pull the planned-only axis below zero.
        var rows = additions.Select(r => (
            Year: (int)(CsvRows.Number(r, "year") ?? 0),
            Class: CsvRows.Text(r, "accreditation_class"),
            Mw: firmChange ? CsvRows.Number(r, FirmChangeColumn) ?? 0 : Math.Max(0, CsvRows.Number(r, PlannedColumn) ?? 0))).ToList();
        if (rows.Count == 0)
        {
            return "";
        }

        var named = rows.GroupBy(r => r.Class).OrderByDescending(g => g.Sum(r => Math.Abs(r.Mw))).ThenBy(g => g.Key, StringComparer.Ordinal).Take(Named).Select(g => g.Key).ToList();
        var groups = rows.Any(r => !named.Contains(r.Class)) ? [.. named, Other] : named;
        string GroupOf(string cls) => named.Contains(cls) ? cls : Other;
        var years = rows.Select(r => r.Year).Distinct().Order().ToList();

        // Gains and losses apart, per year and group: "other" may hold a class that adds and one that retires, and netting them would hide both.
        List<double> Sums(int year, Func<double, bool> sign) =>
            groups.Select(g => rows.Where(r => r.Year == year && GroupOf(r.Class) == g && sign(r.Mw)).Sum(r => r.Mw)).ToList();
        var up = years.ToDictionary(y => y, y => Sums(y, v => v > 0));
        var down = years.ToDictionary(y => y, y => Sums(y, v => v < 0));

        var width = Left + PlotWidth + 30;
        var legend = groups.Select((g, i) => new ChartLegendEntry(g, ColourOf(groups, i), Box: true)).ToList();
        if (firmChange)
        {
            legend.Add(new ChartLegendEntry(NetLabel, Ink, Diamond: true));
        }

        var legendTop = Top + PlotHeight + 56;
        var height = legendTop + Svg.LegendHeight(legend, width - 40) + 10;
        var svg = new Svg(width);
        svg.Text(20, 24, Title(sample, firmChange), size: 16, weight: "bold");
        var y = svg.YAxis(Left, Top, PlotWidth, PlotHeight, Math.Min(0, down.Values.Min(s => s.Sum())), Math.Max(1, up.Values.Max(s => s.Sum())));
        var slot = PlotWidth / years.Count;
        double Centre(int i) => Left + (i * slot) + (slot / 2);
        for (var i = 0; i < years.Count; i++)
        {
            Stack(svg, y, Left + (i * slot) + (slot * 0.2), slot * 0.6, years[i], groups, up[years[i]]);
            Stack(svg, y, Left + (i * slot) + (slot * 0.2), slot * 0.6, years[i], groups, down[years[i]]);
            svg.Text(Centre(i), Top + PlotHeight + 18, years[i].ToString(CultureInfo.InvariantCulture), "middle", 11);
        }

        if (firmChange)
        {
            // Drawn over the bars: the line gains and losses part at, and each year's net on top of all.
            svg.Line(Left, y(0), Left + PlotWidth, y(0), Ink, 1.2);
            for (var i = 0; i < years.Count; i++)
            {
                var net = up[years[i]].Sum() + down[years[i]].Sum();
                svg.Diamond(Centre(i), y(net), 5, "#fff", Ink, $"{years[i]} net: {SafeHtml.Number(net)} MW");
            }
        }

        svg.Text(Left + (PlotWidth / 2), Top + PlotHeight + 38, "Year", "middle");
        svg.Text(18, Top + (PlotHeight / 2), firmChange ? YLabel : PlannedYLabel, "middle", transform: $"rotate(-90 18 {SafeHtml.Coordinate(Top + (PlotHeight / 2))})");
        svg.Legend(legend, 20, legendTop, width - 40);
        var description = firmChange
            ? "Accredited MW of firm supply gained and lost per year, as the gap counts it (firm_change_mw: completion-weighted planned additions plus units built, minus retirements; "
                + "a technology's additions and retirements in one year are netted): "
                + string.Join("; ", years.Select(yr => $"{yr}: net {SafeHtml.Number(up[yr].Sum() + down[yr].Sum(), 0)} MW, additions {SafeHtml.Number(up[yr].Sum(), 0)} MW, retirements {SafeHtml.Number(Math.Abs(down[yr].Sum()), 0)} MW"))
            : "Accredited, completion-weighted MW planned per year: "
                + string.Join("; ", years.Select(yr => $"{yr}: {SafeHtml.Number(up[yr].Sum(), 0)} MW"));
        return svg.Render(Id, height, Title(sample, firmChange), description);
    }

    /// <summary>One year's bars of one sign, stacked from zero: upward for gains, downward for losses.</summary>
    private static void Stack(Svg svg, Func<double, double> y, double x, double width, int year, IReadOnlyList<string> groups, IReadOnlyList<double> values)
    {
        var edge = 0.0;
        for (var g = 0; g < groups.Count; g++)
        {
            var value = values[g];
            if (value != 0)
            {
                svg.Rect(x, Math.Min(y(edge), y(edge + value)), width, Math.Abs(y(edge) - y(edge + value)), ColourOf(groups, g), $"{year} {groups[g]}: {SafeHtml.Number(value)} MW");
                edge += value;
            }
        }
    }

    /// <summary>A named technology's Okabe-Ito colour; grey for the rest, which is no technology of its own.</summary>
    private static string ColourOf(IReadOnlyList<string> groups, int index) => groups[index] == Other ? OtherColour : Palette.At(index);

    private const string OtherColour = "#999999";
}
