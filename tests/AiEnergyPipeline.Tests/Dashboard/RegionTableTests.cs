using System.Text;
using AiEnergyPipeline.Dashboard;

namespace AiEnergyPipeline.Tests.Dashboard;

public sealed class RegionTableTests
{
    [Fact]
    public void Append_RegionsLeftEmpty_AreNamedBelowTheBarsNotDropped()
    {
        var page = new StringBuilder();

        RegionTable.Append(page, RunPageSamples.Rows("scenario_id,region_code,year,gap_gw\nx,CAL,2028,3.5\ny,CAL,2028,5\nx,SE,2028,\ny,SE,2028,\nx,TEN,2028,\nx,TEN,2027,1\n"), 2028);

        var html = page.ToString();
        Assert.Contains("<th scope=\"row\">CAL</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"row\">SE</th>", html, StringComparison.Ordinal);
        Assert.Contains("Left empty, for want of complete inputs (the reasons are in the model's notes under the headline): SE, TEN.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_RegionLeftEmpty_StillShowsItsFirmAdditions()
    {
        var page = new StringBuilder();

        RegionTable.Append(page, RunPageSamples.Rows("scenario_id,region_code,year,firm_additions_gw,gap_gw\nx,CAL,2028,2,3.5\nx,SE,2028,1.5,\ny,SE,2028,1.5,\nx,SE,2027,0.5,\n"), 2028);

        Assert.Contains("Left empty, for want of complete inputs (the reasons are in the model's notes under the headline): SE (firm additions by 2028: 1.5 GW).", page.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Append_EveryRegionEmpty_SaysThereIsNoRegionalGapAndNamesThem()
    {
        var page = new StringBuilder();

        RegionTable.Append(page, RunPageSamples.Rows("scenario_id,region_code,year,gap_gw\nx,SE,2028,\nx,MIDA,2028,\n"), 2028);

        var html = page.ToString();
        Assert.Contains("<p>This run has no regional gap for 2028.</p>", html, StringComparison.Ordinal);
        Assert.Contains(": MIDA, SE.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }
}
