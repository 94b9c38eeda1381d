using System.Globalization;
using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Gap.Charts;

/// <summary>
/// gap/gap.svg, which the run's page shows as well: the firm additions as one labelled line,
/// against the band the scenarios' demand to cover spans (AI plus other load growth, with the
/// reserve margin) and its middle. Drawn once by the gap's outputs; the page inlines the file,
/// so that the chart people download is the chart they saw.
/// </summary>
public static class SupplyDemandChart
{
    public const string Id = "chart-supply-demand";
    public const string YLabel = "Capacity since the base year (GW)";
    public const string XLabel = "Year";
    public const string FirmLabel = "Firm supply additions (accredited, completion-weighted)";
    public const string MiddleLabel = "Demand to cover: middle scenario";

    /// <summary>Across the plot of a sample run's chart, where no crop or thumbnail leaves it out.</summary>
    public const string SampleBanner = "SAMPLE DATA: NOT REAL";

    private const double Left = 80;
    private const double PlotWidth = 780;
    private const double PlotHeight = 320;
    private const double Width = Left + PlotWidth + 30;

    public static string Title(bool sample) => (sample ? RunMode.SampleWarning + " " : "") + "US firm supply additions against the demand to cover";

    public static string RangeLabel(int scenarios) => $"Demand to cover: range of the {scenarios} scenarios (AI + other load growth, with reserve margin)";

    /// <summary>The source line: the inputs' publishers and the run id; a sample run's names its inputs for what they are.</summary>
    public static string SourceLine(IEnumerable<string> scenarioPublishers, string runId, bool sample) =>
        sample
            ? $"Sources: invented SAMPLE files written by AiEnergyPipeline in the format of EIA-860M, not EIA data; PJM ELCC ratings; scenarios: {string.Join(", ", scenarioPublishers)}. Run {runId}"
            : $"Sources: EIA-860M, PJM ELCC ratings; scenarios: {string.Join(", ", scenarioPublishers)}. Run {runId}";

    /// <summary>The chart of gap_by_year's rows (US, Region null); with fewer than two years, a chart that says there is nothing to draw.</summary>
    public static string Render(IReadOnlyList<GapRow> gapByYear, string sourceLine, bool sample)
    {
        ArgumentNullException.ThrowIfNull(gapByYear);
        var byYear = gapByYear
            .Where(r => r.Region is null)
            .Select(r => (r.Year, Need: (r.AiDemandGw!.Value + r.OtherLoadGrowthGw!.Value) * (1 + r.ReserveMargin), Firm: r.FirmAdditionsGw))
            .GroupBy(r => r.Year).OrderBy(g => g.Key)
            .Select(g => (Year: g.Key, Low: g.Min(r => r.Need), High: g.Max(r => r.Need), Median: Median(g.Select(r => r.Need)), Firm: g.Max(r => r.Firm)))
            .ToList();
        if (byYear.Count < 2)
        {
            var empty = new Svg(Width);
            empty.Text(20, 24, Title(sample), size: 16, weight: "bold");
            empty.Text(20, 60, "Fewer than two years of the gap to draw.");
            return empty.Render(Id, 80, Title(sample), "No chart: the run's gap has fewer than two years. " + sourceLine);
        }

        var scenarios = gapByYear.Select(r => r.ScenarioId).Distinct().Count();
        var legend = new[]
        {
            new ChartLegendEntry(RangeLabel(scenarios), Palette.At(5), Box: true),
            new ChartLegendEntry(MiddleLabel, Palette.At(0), Dash: "6 4"),
            new ChartLegendEntry(FirmLabel, Palette.At(1)),
        };
        var sourceLines = Svg.Wrap(sourceLine, Width - 40, 11);
        var top = 44 + (sourceLines.Count * 15);
        var legendTop = top + PlotHeight + 56;
        var height = legendTop + Svg.LegendHeight(legend, Width - 40) + 10;
        var svg = new Svg(Width);
        svg.Text(20, 24, Title(sample), size: 16, weight: "bold");
        for (var i = 0; i < sourceLines.Count; i++)
        {
            svg.Text(20, 42 + (i * 15), sourceLines[i], size: 11, fill: "#444");
        }

        var y = svg.YAxis(Left, top, PlotWidth, PlotHeight, Math.Min(0, byYear.Min(r => Math.Min(r.Low, r.Firm))), byYear.Max(r => Math.Max(r.High, r.Firm)));
        double X(int year) => Left + ((year - byYear[0].Year) / (double)(byYear[^1].Year - byYear[0].Year) * PlotWidth);
        svg.Polygon(byYear.Select(r => (X(r.Year), y(r.High))).Concat(byYear.AsEnumerable().Reverse().Select(r => (X(r.Year), y(r.Low)))), Palette.At(5), 0.45);
        svg.Polyline(byYear.Select(r => (X(r.Year), y(r.Median))), Palette.At(0), 2.5, "6 4");
        svg.Polyline(byYear.Select(r => (X(r.Year), y(r.Firm))), Palette.At(1), 3.5);
        foreach (var r in byYear)
        {
            svg.Text(X(r.Year), top + PlotHeight + 18, r.Year.ToString(CultureInfo.InvariantCulture), "middle", 11);
        }

        svg.Text(Left + (PlotWidth / 2), top + PlotHeight + 38, XLabel, "middle");
        svg.Text(18, top + (PlotHeight / 2), YLabel, "middle", transform: $"rotate(-90 18 {Svg.Coordinate(top + (PlotHeight / 2))})");
        if (sample)
        {
            svg.Banner(Left + (PlotWidth / 2), top + (PlotHeight / 2), SampleBanner);
        }

        svg.Legend(legend, 20, legendTop, Width - 40);
        var last = byYear[^1];
        var description = $"In {last.Year} firm supply additions reach {Gw(last.Firm)} GW, against {Gw(last.Low)} to {Gw(last.High)} GW of demand to cover across the {scenarios} scenarios. {sourceLine}";
        return svg.Render(Id, height, Title(sample), description);
    }

    private static string Gw(double value) => value.ToString("N1", CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
