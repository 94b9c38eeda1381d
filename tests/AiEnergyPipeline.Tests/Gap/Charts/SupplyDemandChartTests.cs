using System.Globalization;
using System.Xml.Linq;
using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Gap.Charts;

namespace AiEnergyPipeline.Tests.Gap.Charts;

public sealed class SupplyDemandChartTests
{
    private const string RunId = "20261127T060000Z-ab12cd";

    /// <summary>Eleven scenarios with long ids, as the real scenario set has: the legend and the source line must still fit.</summary>
    private static List<GapRow> Rows(int scenarios = 11) =>
    [
        .. Enumerable.Range(0, scenarios).SelectMany(s => Enumerable.Range(2025, 6).Select(y =>
            new GapRow($"anthropic_build_ai_2025_grid_strategies_high_{s}", null, y, s + (y - 2025) * 5, "published", 2, "assumption", 0.18, (y - 2025) * 1.5, 0))),
    ];

    private static XDocument Parse(string svg) => XDocument.Parse(svg);

    private static (double Width, double Height) ViewBox(XDocument svg)
    {
        var parts = svg.Root!.Attribute("viewBox")!.Value.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return (parts[2], parts[3]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Render_LongScenarioIdsAndSources_EveryTextInsideTheViewBox(bool sample)
    {
        var publishers = Enumerable.Range(0, 9).Select(i => $"Grid Strategies and Lawrence Berkeley National Laboratory {i}");
        var svg = Parse(SupplyDemandChart.Render(Rows(), SupplyDemandChart.SourceLine(publishers, RunId, sample), sample));

        var (width, height) = ViewBox(svg);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text" && e.Attribute("transform") is null).ToList();
        Assert.Contains(texts, t => t.Value == SupplyDemandChart.FirmLabel);
        foreach (var text in texts)
        {
            var x = double.Parse(text.Attribute("x")!.Value, CultureInfo.InvariantCulture);
            var y = double.Parse(text.Attribute("y")!.Value, CultureInfo.InvariantCulture);
            var size = double.Parse(text.Attribute("font-size")!.Value, CultureInfo.InvariantCulture);
            var textWidth = Svg.TextWidth(text.Value, size);
            var (left, right) = text.Attribute("text-anchor")!.Value switch
            {
                "middle" => (x - (textWidth / 2), x + (textWidth / 2)),
                "end" => (x - textWidth, x),
                _ => (x, x + textWidth),
            };
            Assert.True(left >= 0 && right <= width, $"'{text.Value}' spans {left:0} to {right:0} of {width}");
            Assert.True(y - size >= 0 && y <= height, $"'{text.Value}' at y {y} of {height}");
        }
    }

    [Fact]
    public void Render_Sample_SaysSoInTitleBannerAndSources()
    {
        var svg = SupplyDemandChart.Render(Rows(2), SupplyDemandChart.SourceLine(["EPRI"], RunId, sample: true), sample: true);

        var texts = Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.StartsWith("SAMPLE DATA, NOT REAL:", texts[0], StringComparison.Ordinal);
        Assert.Contains(SupplyDemandChart.SampleBanner, texts);
        Assert.Contains(texts, t => t.Contains("invented SAMPLE files", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, "Sources: invented SAMPLE files written by AiEnergyPipeline in the format of EIA-860M, not EIA data; PJM ELCC ratings; scenarios: EPRI. Run ")]
    [InlineData(false, "Sources: EIA-860M, PJM ELCC ratings; scenarios: EPRI. Run ")]
    public void SourceLine_SampleOrReal_CreditsEiaOnlyForRealFilesAndTheRatingsEither(bool sample, string expected) =>
        Assert.Equal(expected + RunId, SupplyDemandChart.SourceLine(["EPRI"], RunId, sample));

    [Fact]
    public void Render_RegionRowsAndOneYear_SaysThereIsNothingToDraw()
    {
        var rows = new List<GapRow> { new("s1", null, 2025, 1, "published", 0, "assumption", 0.18, 0, 1), new("s1", "CAL", 2026, 1, "published", 0, "assumption", 0.18, 0, 1) };

        var svg = Parse(SupplyDemandChart.Render(rows, "Sources: x", sample: false));

        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value.StartsWith("Fewer than two years", StringComparison.Ordinal));
        Assert.DoesNotContain(svg.Descendants(), e => e.Name.LocalName == "polyline");
    }

    [Fact]
    public void Render_LastYear_DescriptionGivesFirmSupplyAndDemandRange()
    {
        var svg = Parse(SupplyDemandChart.Render(Rows(2), "Sources: x", sample: false));

        var description = svg.Root!.Elements().Single(e => e.Name.LocalName == "desc").Value;
        Assert.Equal("In 2030 firm supply additions reach 7.5 GW, against 31.9 to 33.0 GW of demand to cover across the 2 scenarios. Sources: x", description);
    }
}
