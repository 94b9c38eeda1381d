using System.Globalization;
using System.Text.RegularExpressions;
using AiEnergyPipeline.Gap.Charts;

namespace AiEnergyPipeline.Tests.Gap.Charts;

public sealed class SvgTests
{
    [Fact]
    public void Legend_LongLabels_WrapAndStayInsideTheWidth()
    {
        var svg = new Svg(400);
        var entries = Enumerable.Range(0, 6).Select(i => new ChartLegendEntry($"AI demand: grid_strategies_2024_high_{i}", Palette.At(i))).ToList();

        var height = svg.Legend(entries, 20, 30, 360);
        var text = svg.Render("t", 30 + height, "title", "desc");

        Assert.Equal(Svg.LegendHeight(entries, 360), height);
        foreach (Match label in Regex.Matches(text, "<text x=\"([0-9.]+)\"[^>]*>(AI demand[^<]*)</text>"))
        {
            var right = double.Parse(label.Groups[1].Value, CultureInfo.InvariantCulture) + Svg.TextWidth(label.Groups[2].Value);
            Assert.True(right <= 380, $"{label.Groups[2].Value} ends at {right}");
        }
    }

    [Fact]
    public void Render_Text_IsEncodedAndLabelled()
    {
        var svg = new Svg(100);
        svg.Text(1, 2, "<a> & b");

        var text = svg.Render("c", 50, "T <x>", "D");

        Assert.Contains(">&lt;a&gt; &amp; b</text>", text, StringComparison.Ordinal);
        Assert.Contains("role=\"img\" aria-labelledby=\"c-t c-d\"", text, StringComparison.Ordinal);
        Assert.Contains("<title id=\"c-t\">T &lt;x&gt;</title>", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 134.3)]
    [InlineData(-3, 7)]
    [InlineData(0, 0)]
    public void NiceTicks_Range_CoveredByRoundSteps(double min, double max)
    {
        var ticks = Svg.NiceTicks(min, max);

        Assert.True(ticks[0] <= min && ticks[^1] >= max, string.Join(",", ticks));
        Assert.InRange(ticks.Count, 3, 12);
    }
}
