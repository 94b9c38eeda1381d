using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Vocabulary;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Legends;
using OxyPlot.Series;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// The chart of a run's gap: firm (accredited, completion-weighted) supply additions against each
/// scenario's AI demand since the base year, drawn with OxyPlot and exported as SVG. It names its
/// sources and run id, so that it reads on its own, away from the CSV files.
/// </summary>
public static class GapChartSvg
{
    public const double Width = 1100;
    public const double Height = 700;
    public const string SupplyTitle = "Firm supply (accredited, weighted)";

    public static string Title(GapSettings settings) => $"US firm supply additions vs AI demand since {settings.BaseYear}";

    public static string XAxisTitle => "Year";

    public static string YAxisTitle(GapSettings settings) => $"Capacity added since {settings.BaseYear} (GW)";

    public static string LegendEntry(string scenarioId) => $"AI demand: {scenarioId}";

    /// <summary>The banner across a sample run's chart.</summary>
    public const string SampleBanner = "SAMPLE DATA: NOT REAL";

    /// <summary>The source line: the inputs' publishers and the run id; a sample run's names its inputs for what they are.</summary>
    public static string SourceLine(GapResult result, IEnumerable<string> scenarioPublishers, string runId, bool sample = false) =>
        sample
            ? $"Sources: invented SAMPLE files written by AiEnergyPipeline, not EIA data; scenarios: {string.Join(", ", scenarioPublishers)}. Run {runId}"
            : $"Sources: EIA-860M, PJM ELCC ratings; scenarios: {string.Join(", ", scenarioPublishers)}. Run {runId}";

    /// <param name="sample">Draws <see cref="SampleBanner"/> across the plot and starts the title with the sample warning.</param>
    public static PlotModel Model(GapResult result, string sourceLine, bool sample = false)
    {
        var settings = result.Settings;
        var model = new PlotModel
        {
            Title = sample ? $"{RunMode.SampleWarning} {Title(settings)}" : Title(settings),
            // The SVG exporter measures text with Helvetica metrics: name a font with the same
            // metrics (Arial, Liberation Sans) so that the legend box fits what browsers draw.
            DefaultFont = "Arial, Helvetica, Liberation Sans, sans-serif",
            Subtitle = sourceLine,
            SubtitleFontSize = 11,
            TitlePadding = 8,
            Background = OxyColors.White,
        };
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Bottom,
            Title = XAxisTitle,
            AxisTitleDistance = 6,
            Minimum = settings.BaseYear,
            Maximum = settings.HorizonYear,
            MajorStep = 1,
            MinorStep = 1,
            StringFormat = "0",
            MajorGridlineStyle = LineStyle.Dot,
        });
        model.Axes.Add(new LinearAxis
        {
            Position = AxisPosition.Left,
            Title = YAxisTitle(settings),
            AxisTitleDistance = 12,
            MajorGridlineStyle = LineStyle.Dot,
        });
        model.Legends.Add(new Legend
        {
            // Inside, at the top left where the lines have not risen yet. OxyPlot's managed text
            // measurer underestimates widths by about a fifth and the legend is clipped to its box:
            // the wide padding leaves room for what the browser really draws.
            LegendPlacement = LegendPlacement.Inside,
            LegendPosition = LegendPosition.LeftTop,
            LegendBackground = OxyColor.FromAColor(230, OxyColors.White),
            LegendOrientation = LegendOrientation.Vertical,
            LegendLineSpacing = 4,
            LegendPadding = 56,
            LegendBorder = OxyColors.Gray,
        });

        var supply = new LineSeries { Title = SupplyTitle, Color = OxyColors.Black, StrokeThickness = 4, MarkerType = MarkerType.Square, MarkerSize = 4 };
        var firstScenario = result.ByYear.Select(r => r.ScenarioId).FirstOrDefault();
        foreach (var row in result.ByYear.Where(r => r.ScenarioId == firstScenario))
        {
            supply.Points.Add(new DataPoint(row.Year, row.FirmAdditionsGw));
        }

        model.Series.Add(supply);
        if (sample)
        {
            // Across the middle of the plot, where no crop or thumbnail can leave it out.
            model.Annotations.Add(new OxyPlot.Annotations.TextAnnotation
            {
                Text = SampleBanner,
                TextPosition = new DataPoint((settings.BaseYear + settings.HorizonYear) / 2.0, MiddleOfValues(result)),
                TextHorizontalAlignment = HorizontalAlignment.Center,
                TextVerticalAlignment = VerticalAlignment.Middle,
                FontSize = 36,
                FontWeight = FontWeights.Bold,
                TextColor = OxyColor.FromRgb(0xB0, 0x00, 0x20),
                Background = OxyColor.FromAColor(220, OxyColors.White),
                Stroke = OxyColor.FromRgb(0xB0, 0x00, 0x20),
                StrokeThickness = 2,
                // OxyPlot measures text narrower than renderers draw it: wide side padding keeps the words inside the box.
                Padding = new OxyThickness(72, 8, 72, 8),
            });
        }
        var styles = new[] { LineStyle.Solid, LineStyle.Dash, LineStyle.DashDot };
        foreach (var (scenario, index) in result.ByYear.Select(r => r.ScenarioId).Distinct().Select((s, i) => (s, i)))
        {
            var series = new LineSeries { Title = LegendEntry(scenario), StrokeThickness = 2, LineStyle = styles[index % styles.Length], MarkerType = MarkerType.Circle, MarkerSize = 3 };
            foreach (var row in result.ByYear.Where(r => r.ScenarioId == scenario))
            {
                series.Points.Add(new DataPoint(row.Year, row.AiDemandGw));
            }

            model.Series.Add(series);
        }

        return model;
    }

    /// <summary>Halfway up the values drawn: the banner sits inside the plot whatever the scale.</summary>
    private static double MiddleOfValues(GapResult result)
    {
        var values = result.ByYear.SelectMany(r => new[] { r.AiDemandGw, r.FirmAdditionsGw }).DefaultIfEmpty(0).ToList();
        return (values.Max() + values.Min()) / 2;
    }

    public static void WriteSvg(PlotModel model, Stream output)
    {
        // The workaround places text by its top rather than with dominant-baseline, which several
        // SVG renderers (librsvg among them) ignore: without it labels sit a line off their symbols.
        // Text is measured with the PDF context's Helvetica metrics (those of Arial): the default
        // measurer underestimates widths, and legend entries then overlap.
        var exporter = new SvgExporter
        {
            Width = Width,
            Height = Height,
            UseVerticalTextAlignmentWorkaround = true,
            TextMeasurer = new PdfRenderContext(Width, Height, OxyColors.White),
        };
        exporter.Export(model, output);
    }
}
