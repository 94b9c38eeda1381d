using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Gap.Charts;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using AiEnergyPipeline.Vocabulary;
using System.Text.Json;
using System.Xml.Linq;

namespace AiEnergyPipeline.Tests.Gap;

public class GapOutputsTests
{
    private static async Task<(string Folder, IReadOnlyList<AiEnergyPipeline.Tables.StagedTable> Staged)> WriteAsync()
    {
        var folder = Repository.NewTempFolder();
        var inputs = GapTestData.Inputs();
        var result = GapModel.Compute(inputs, GapTestData.Settings());
        var staged = await GapOutputs.WriteAsync(result, inputs.Scenarios, "20261127T060000Z-ab12cd", folder, sample: false, CancellationToken.None);
        return (folder, staged);
    }

    [Fact]
    public async Task WriteAsync_SameInputsTwice_WritesByteIdenticalFiles()
    {
        var (_, first) = await WriteAsync();
        var (_, second) = await WriteAsync();

        Assert.Equal(["csv", "csv", "csv", "csv", "json", "svg"], first.Select(s => s.Format));
        Assert.Equal(first.Select(s => s.Sha256), second.Select(s => s.Sha256));
        foreach (var (a, b) in first.Zip(second))
        {
            Assert.Equal(await File.ReadAllBytesAsync(a.LocalPath), await File.ReadAllBytesAsync(b.LocalPath));
        }
    }

    [Fact]
    public async Task WriteAsync_Chart_IsSvgWithTitleAxesLegendAndSourceLine()
    {
        var (_, staged) = await WriteAsync();

        var svg = XDocument.Load(staged.Single(s => s.Format == "svg").LocalPath);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains(SupplyDemandChart.Title(sample: false), texts);
        Assert.Contains(SupplyDemandChart.XLabel, texts);
        Assert.Contains(SupplyDemandChart.YLabel, texts);
        Assert.Contains(SupplyDemandChart.FirmLabel, texts);
        Assert.Contains(SupplyDemandChart.RangeLabel(1), texts);
        Assert.NotNull(svg.Root.Elements().SingleOrDefault(e => e.Name.LocalName == "title"));
        Assert.Contains("firm supply additions reach", svg.Root.Elements().Single(e => e.Name.LocalName == "desc").Value, StringComparison.Ordinal);
        Assert.Contains(texts, t => t.StartsWith("Sources: EIA-860M", StringComparison.Ordinal) && t.Contains("Publisher", StringComparison.Ordinal) && t.Contains("Run 20261127T060000Z-ab12cd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteAsync_Tables_AreUnderTheGapFolderWithTheirSchemaHeaders()
    {
        var (folder, staged) = await WriteAsync();

        Assert.All(staged, s => Assert.Equal("gap", s.Folder));
        Assert.All(staged, s => Assert.StartsWith(Path.Combine(folder, "gap"), s.LocalPath, StringComparison.Ordinal));
        var byYear = await File.ReadAllLinesAsync(staged[0].LocalPath);
        Assert.Equal("scenario_id,year,ai_demand_gw,ai_demand_basis,other_load_growth_gw,other_load_growth_basis,reserve_margin,firm_additions_gw,gap_gw,firm_additions_basis,origin", byYear[0]);
        Assert.Equal("s1,2028,10,extrapolated_flat,30,assumption,0.2,0.28,47.72,assumption,fetched", byYear[^1]);
        Assert.Contains("\"gap_gw_2028\": 47.72", await File.ReadAllTextAsync(staged[4].LocalPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_IncompleteCountryYear_LeavesItEmptyAndHeadlineNotesSayWhy()
    {
        var folder = Repository.NewTempFolder();
        var inputs = GapTestData.Inputs() with
        {
            Countries = [new("USA", 2019, 20.1), new("USA", 2020, -175.7, false, ["gas", "nuclear"]), new("CHN", 2019, 300), new("CHN", 2020, 423)],
        };
        var result = GapModel.Compute(inputs, GapTestData.Settings());

        var staged = await GapOutputs.WriteAsync(result, inputs.Scenarios, "20261127T060000Z-ab12cd", folder, sample: false, CancellationToken.None);

        var usVsChina = await File.ReadAllLinesAsync(staged[3].LocalPath);
        Assert.Equal(["year,usa_additions_gw,chn_additions_gw,origin", "2019,20.1,300,fetched", "2020,,423,fetched"], usVsChina);
        using var headline = JsonDocument.Parse(await File.ReadAllBytesAsync(staged[4].LocalPath));
        var properties = headline.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal("notes", properties[^1]);
        var notes = headline.RootElement.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains("us_vs_china_additions: USA 2020 left empty: country_capacity total incomplete (missing gas, nuclear)", notes);
        Assert.Equal(result.Notes, notes);
    }
}
