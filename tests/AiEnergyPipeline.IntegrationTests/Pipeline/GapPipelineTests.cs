using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.Sweep;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Vocabulary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The offline run computes the gap and publishes its outputs under gap/.</summary>
public class GapPipelineTests
{
    private static readonly string[] GapFiles =
    [
        "gap/gap_by_year.csv", "gap/gap_by_region.csv", "gap/additions_by_year_technology.csv",
        "gap/us_vs_china_additions.csv", "gap/headline.json", "gap/gap.svg",
    ];

    private static async Task<(RunOutcome Outcome, string StoredRunFolder)> RunAsync()
    {
        var store = TestPaths.NewTempFolder();
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(store));
        var outcome = await TestPipeline.RunIngestAsync(services);
        Assert.Equal(RunStatus.Published, outcome.Status);
        return (outcome, Path.Combine(store, "runs", outcome.RunId));
    }

    [Fact]
    public async Task RunAsync_BundledSnapshot_PublishesEveryGapOutputInTheDataPackage()
    {
        var (_, runFolder) = await RunAsync();

        var package = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(runFolder, "datapackage.json"))).RootElement;
        var resources = package.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("path").GetString()!);
        foreach (var path in GapFiles)
        {
            var resource = resources[path];
            var bytes = await File.ReadAllBytesAsync(Path.Combine(runFolder, path));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), resource.GetProperty("sha256").GetString());
            Assert.Equal(bytes.Length, resource.GetProperty("bytes").GetInt64());
            Assert.Equal(path.EndsWith(".csv", StringComparison.Ordinal), resource.TryGetProperty("schema", out _));
        }

        Assert.Equal("image/svg+xml", resources["gap/gap.svg"].GetProperty("mediatype").GetString());
        Assert.Equal("json", resources["gap/headline.json"].GetProperty("format").GetString());
        Assert.False(File.Exists(Path.Combine(runFolder, "data", "gap_by_year.csv")));
    }

    [Fact]
    public async Task RunAsync_BundledSnapshot_EveryGapRowSatisfiesTheFormulaFromItsOwnColumns()
    {
        var (_, runFolder) = await RunAsync();

        var lines = await File.ReadAllLinesAsync(Path.Combine(runFolder, "gap", "gap_by_year.csv"));
        var header = lines[0].Split(',').ToList();
        double Column(string[] row, string name) => double.Parse(row[header.IndexOf(name)], CultureInfo.InvariantCulture);
        Assert.True(lines.Length > 10);
        foreach (var row in lines.Skip(1).Select(l => l.Split(',')))
        {
            var expected = ((Column(row, "ai_demand_gw") + Column(row, "other_load_growth_gw")) * (1 + Column(row, "reserve_margin"))) - Column(row, "firm_additions_gw");
            Assert.True(Math.Abs(expected - Column(row, "gap_gw")) <= 1e-6, string.Join(',', row));
        }
    }

    [Fact]
    public async Task RunAsync_BundledSnapshot_HeadlineNamesTheAnthropicScenarios2028Gap()
    {
        var (_, runFolder) = await RunAsync();

        var headline = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(runFolder, "gap", "headline.json"))).RootElement;
        var anthropic = headline.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("scenario_id").GetString() == "anthropic_build_ai_2028");
        var gap2028 = anthropic.GetProperty("gap_gw_2028").GetDouble();
        var byYear = await File.ReadAllLinesAsync(Path.Combine(runFolder, "gap", "gap_by_year.csv"));
        var row = byYear.Single(l => l.StartsWith("anthropic_build_ai_2028,2028,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(double.Parse(row[Array.IndexOf(byYear[0].Split(','), "gap_gw")], CultureInfo.InvariantCulture), gap2028);
        var sentence = anthropic.GetProperty("headline").GetString()!;
        Assert.Contains("Anthropic's 'Build AI in America' estimate", sentence, StringComparison.Ordinal);
        Assert.Contains(gap2028.ToString("0.0", CultureInfo.InvariantCulture) + " GW short", sentence, StringComparison.Ordinal);
        Assert.EndsWith("by 2028.", sentence, StringComparison.Ordinal);
    }
}
