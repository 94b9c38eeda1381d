using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>Ember through the whole flow on the bundled snapshot, published to a folder.</summary>
public class EmberPipelineTests
{
    private const string SnapshotFile = "ember/yearly_full_release_long_format.csv";

    private static Task<RunOutcome> RunAsync(string store, string? snapshot = null) =>
        TestPipeline.RunIngestAsync(store, snapshot);

    private static JsonElement ReadJson(string path) => TestPipeline.ReadJson(path);

    [Fact]
    public async Task RunAsync_BundledSnapshot_CreditsTheSampleInEmbersFormatNotEmbersCcByData()
    {
        var store = TestPaths.NewTempFolder();

        var outcome = await RunAsync(store);

        Assert.Equal(RunStatus.Published, outcome.Status);
        var package = ReadJson(Path.Combine(store, "runs", outcome.RunId, "datapackage.json"));
        // The file is this project's: Ember's licence and attribution credit Ember's data, which it is not.
        var licence = Assert.Single(package.GetProperty("licenses").EnumerateArray(), l => l.GetProperty("attribution").GetString()!.Contains("Ember", StringComparison.Ordinal));
        Assert.Equal("Sample written by this project in the format of Ember's Yearly Electricity Data; not Ember data.", licence.GetProperty("attribution").GetString());
        Assert.Equal("AiEnergyPipeline-sample", licence.GetProperty("name").GetString());
        var source = Assert.Single(package.GetProperty("sources").EnumerateArray(), s => s.GetProperty("name").GetString() == "ember");
        // A sample of Ember's file, written by this project: its path is in the snapshot; it imitates Ember's dataset, named with its documentation page, not the file's address.
        Assert.Equal("snapshot/ember/yearly_full_release_long_format.csv", source.GetProperty("path").GetString());
        var sampleOf = source.GetProperty("sample_of");
        Assert.Equal("Ember", sampleOf.GetProperty("publisher").GetString());
        Assert.Equal("https://ember-energy.org/data/yearly-electricity-data/", sampleOf.GetProperty("documentation_url").GetString());
        Assert.False(sampleOf.TryGetProperty("url", out _), sampleOf.ToString());
        Assert.StartsWith("Ember, Yearly Electricity Data", source.GetProperty("title").GetString(), StringComparison.Ordinal);
        var capacity = Assert.Single(package.GetProperty("resources").EnumerateArray(), r => r.GetProperty("name").GetString() == "country_capacity");
        Assert.EndsWith("not Ember data.", capacity.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BundledSnapshot_PublishesCountryCapacityWithRowsAndReportCounts()
    {
        var store = TestPaths.NewTempFolder();

        var outcome = await RunAsync(store);

        var package = ReadJson(Path.Combine(store, "runs", outcome.RunId, "datapackage.json"));
        var resource = Assert.Single(package.GetProperty("resources").EnumerateArray(), r => r.GetProperty("name").GetString() == "country_capacity");
        Assert.True(resource.GetProperty("row_count").GetInt64() > 0);
        Assert.Equal(["iso3", "year", "fuel"], resource.GetProperty("schema").GetProperty("primary_key").EnumerateArray().Select(k => k.GetString()));
        var lines = await File.ReadAllLinesAsync(Path.Combine(store, "runs", outcome.RunId, "data", "country_capacity.csv"));
        Assert.Equal(resource.GetProperty("row_count").GetInt64(), lines.Length - 1);
        Assert.Contains("USA,United States of America,2024,total,true,1237.2,37.9,true,sample", lines);
        var report = outcome.Report.Sources.Single(s => s.Name == "ember");
        Assert.Equal((618L, lines.Length - 1L, 0L), (report.RowsIn, report.RowsOut, report.RowsQuarantined));
    }

    [Fact]
    public async Task RunAsync_EmberFileWithAnUnknownHeader_FailsNamingTheLayoutsAndPublishesNothing()
    {
        var store = TestPaths.NewTempFolder();
        var snapshot = TestPaths.CopyOfSnapshot();
        var file = Path.Combine(snapshot, SnapshotFile);
        var lines = await File.ReadAllLinesAsync(file);
        lines[0] = lines[0].Replace("Category", "Kind", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(file, lines);

        var outcome = await RunAsync(store, snapshot);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("ember: yearly_full_release_long_format.csv: the header matches none of the Ember layouts", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("long format (Area, ISO 3 code, Year, Category, Variable, Unit, Value): required column missing: 'Category'", outcome.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(store, "latest.json")));
        Assert.Equal(SourceStatus.Failed, outcome.Report.Sources.Single(s => s.Name == "ember").Status);
    }
}
