using System.Globalization;
using System.Xml.Linq;
using AiEnergyPipeline.Dashboard;
using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Tests.Dashboard;

public sealed class AdditionsChartTests
{
    /// <summary>2026 gains 900 MW of nuclear and loses 500 MW of coal (net 400); 2027 loses 300 MW of coal (net -300).</summary>
    private const string FirmChangeCsv =
        "year,accreditation_class,weighted_accredited_mw,firm_change_mw\n2026,nuclear,900,900\n2026,coal,0,-500\n2027,coal,0,-300\n";

    private const string PlannedOnlyCsv = "year,accreditation_class,weighted_accredited_mw\n2026,nuclear,900\n2026,coal,0\n";

    private static XDocument Render(string csv, bool sample = false) => XDocument.Parse(AdditionsChart.Render(RunPageSamples.Rows(csv), sample));

    private static IEnumerable<XElement> All(XDocument svg, string name) => svg.Descendants().Where(e => e.Name.LocalName == name);

    private static double Number(XElement element, string attribute) => double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    /// <summary>The element whose tooltip (its own title child) is <paramref name="title"/>.</summary>
    private static XElement Titled(XDocument svg, string name, string title) =>
        All(svg, name).Single(e => e.Elements().Any(c => c.Name.LocalName == "title" && c.Value == title));

    /// <summary>The y of the zero line drawn across the plot, over the bars.</summary>
    private static double ZeroLine(XDocument svg) =>
        Number(All(svg, "line").Single(l => l.Attribute("stroke")!.Value == "#222" && Number(l, "x1") == 80 && Number(l, "x2") == 860), "y1");

    private static string Description(XDocument svg) => All(svg, "desc").Single().Value;

    [Fact]
    public void Render_NegativeFirmChange_DrawsItsBarBelowTheZeroLineAndGainsAbove()
    {
        var svg = Render(FirmChangeCsv);

        var zero = ZeroLine(svg);
        var coal = Titled(svg, "rect", "2026 coal: -500.0 MW");
        var nuclear = Titled(svg, "rect", "2026 nuclear: 900.0 MW");
        Assert.True(Number(coal, "y") >= zero - 0.01, $"coal's bar starts at {Number(coal, "y")}, above the zero line at {zero}");
        Assert.True(Number(coal, "height") > 0);
        Assert.Equal(zero, Number(nuclear, "y") + Number(nuclear, "height"), 0.01);
        // The axis reaches below zero: a negative tick is labelled.
        Assert.Contains(All(svg, "text"), t => t.Attribute("text-anchor")!.Value == "end" && t.Value.StartsWith('-'));
    }

    [Fact]
    public void Render_FirmChange_MarksEachYearsNetWithItsMwInTheTooltip()
    {
        var svg = Render(FirmChangeCsv);

        var zero = ZeroLine(svg);
        var gain = Titled(svg, "polygon", "2026 net: 400.0 MW");
        var loss = Titled(svg, "polygon", "2027 net: -300.0 MW");
        // A diamond's points run top, right, bottom, left: its centre's y is the right point's.
        double CentreY(XElement diamond) => double.Parse(diamond.Attribute("points")!.Value.Split(' ')[1].Split(',')[1], CultureInfo.InvariantCulture);
        Assert.True(CentreY(gain) < zero, "a net gain is marked above zero");
        Assert.True(CentreY(loss) > zero, "a net loss is marked below zero");
        Assert.Contains(All(svg, "text"), t => t.Value == AdditionsChart.NetLabel);
    }

    [Fact]
    public void Render_FirmChange_DescriptionGivesEachYearsNetAdditionsAndRetirements()
    {
        var description = Description(Render(FirmChangeCsv));

        Assert.Contains("2026: net 400 MW, additions 900 MW, retirements 500 MW", description, StringComparison.Ordinal);
        Assert.Contains("2027: net -300 MW, additions 0 MW, retirements 300 MW", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OtherTechnologiesAddingAndRetiring_StacksBothApartInsteadOfNetting()
    {
        // Nine classes: the two smallest (h +2, i -1) fall into "other", which then both gains and loses in 2026.
        var csv = "year,accreditation_class,firm_change_mw\n" + string.Join("", new[] { "a,90", "b,80", "c,70", "d,60", "e,50", "f,40", "g,30", "h,2", "i,-1" }.Select(r => $"2026,{r}\n"));

        var svg = Render(csv);

        Titled(svg, "rect", $"2026 {AdditionsChart.Other}: 2.0 MW");
        Titled(svg, "rect", $"2026 {AdditionsChart.Other}: -1.0 MW");
    }

    [Fact]
    public void Render_TableWithoutFirmChange_FallsBackToPlannedUnitsWithTheOldCaption()
    {
        var rows = RunPageSamples.Rows(PlannedOnlyCsv);
        var svg = Render(PlannedOnlyCsv);

        Assert.False(AdditionsChart.HasFirmChange(rows));
        Assert.Equal(AdditionsChart.PlannedCaption, AdditionsChart.Caption(rows));
        Assert.Equal("Planned firm additions by year and technology", All(svg, "title").First().Value);
        Assert.Empty(All(svg, "polygon"));
        Assert.Contains(All(svg, "text"), t => t.Value == AdditionsChart.PlannedYLabel);
        Assert.StartsWith("Accredited, completion-weighted MW planned per year: 2026: 900 MW", Description(svg), StringComparison.Ordinal);
    }

    [Fact]
    public void HasFirmChange_ACellThatIsNoNumber_FallsBackRatherThanCountItAsZero()
    {
        var rows = RunPageSamples.Rows("year,accreditation_class,weighted_accredited_mw,firm_change_mw\n2026,nuclear,900,900\n2026,coal,0,\n");

        Assert.False(AdditionsChart.HasFirmChange(rows));
        Assert.True(AdditionsChart.HasFirmChange(RunPageSamples.Rows(FirmChangeCsv)));
        Assert.Equal(AdditionsChart.FirmChangeCaption, AdditionsChart.Caption(RunPageSamples.Rows(FirmChangeCsv)));
    }

    [Theory]
    [InlineData(FirmChangeCsv, "Firm supply change by year and technology")]
    [InlineData(PlannedOnlyCsv, "Planned firm additions by year and technology")]
    public void Render_SampleRun_TitleStartsWithTheSampleWarning(string csv, string title)
    {
        var svg = Render(csv, sample: true);

        Assert.Equal("SAMPLE DATA, NOT REAL: " + title, All(svg, "title").First().Value);
        Assert.StartsWith(RunMode.SampleWarning, All(svg, "text").First().Value, StringComparison.Ordinal);
    }

    [Fact]
    public void RunPage_AdditionsFigure_CaptionSaysWhichColumnItDrew()
    {
        var data = RunPageSamples.Data(sample: false);
        var older = data.Additions.Select(r => (IReadOnlyDictionary<string, string>)r.Where(c => c.Key != "firm_change_mw").ToDictionary()).ToList();

        var html = RunPageHtml.Render(data);
        var olderHtml = RunPageHtml.Render(data with { Additions = older });

        Assert.Contains("<figcaption>" + SafeHtml.E(AdditionsChart.FirmChangeCaption) + "</figcaption>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("planned units only", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>" + SafeHtml.E(AdditionsChart.PlannedCaption) + "</figcaption>", olderHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(SafeHtml.E(AdditionsChart.FirmChangeCaption), olderHtml, StringComparison.Ordinal);
    }
}
