using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>Every resource of a run's datapackage.json names what it was computed from.</summary>
public class ResourceSourcesTests
{
    private static JsonElement Package(string store, string runId) =>
        TestPipeline.ReadJson(Path.Combine(store, RunPublisher.RunFolder(runId), "datapackage.json"));

    private static Dictionary<string, List<(string Name, string? FileName, string? Sha256)>> SourcesByResource(JsonElement package) =>
        package.GetProperty("resources").EnumerateArray().ToDictionary(
            r => r.GetProperty("name").GetString()!,
            r => r.GetProperty("sources").EnumerateArray().Select(s => (
                s.GetProperty("name").GetString()!,
                s.TryGetProperty("file_name", out var f) ? f.GetString() : null,
                s.TryGetProperty("sha256", out var h) ? h.GetString() : null)).ToList());

    [Fact]
    public async Task RunAsync_BundledSnapshot_EveryResourceNamesSourcesOfThePackageAndEachPartItsOwnFile()
    {
        var store = TestPaths.NewTempFolder();
        var run = await TestPipeline.RunIngestAsync(store);
        var package = Package(store, run.RunId);
        var inputs = package.GetProperty("sources").EnumerateArray()
            .Select(s => (Name: s.GetProperty("name").GetString()!, FileName: s.GetProperty("file_name").GetString()!, Sha256: s.GetProperty("sha256").GetString()!)).ToList();

        var sources = SourcesByResource(package);

        Assert.Equal(RunStatus.Published, run.Status);
        Assert.All(sources, r =>
        {
            Assert.NotEmpty(r.Value);
            Assert.All(r.Value, s => Assert.Contains(inputs, i => i.Name == s.Name && (s.Sha256 is null || (i.Sha256 == s.Sha256 && i.FileName == s.FileName))));
        });
        // A part of a BALANCE file names that file alone, its Parquet sibling the same.
        var part = Assert.Single(sources["ba_hourly_2025_h1"]);
        Assert.Equal((SourceNames.Eia930Bulk, "EIA930_BALANCE_2025_Jan_Jun.csv"), (part.Name, part.FileName));
        Assert.Equal(sources["ba_hourly_2025_h1"], sources["ba_hourly_2025_h1.parquet"]);
        Assert.Equal([SourceNames.Ember], sources["us_vs_china_additions"].Select(s => s.Name));
        // The queue supply tail is off in the sample: the gap reads no queue table.
        Assert.DoesNotContain(SourceNames.Queues, sources["gap_by_year"].Select(s => s.Name));
        Assert.Equal([SourceNames.Queues], sources["queue_projects"].Select(s => s.Name));
    }

    [Fact]
    public async Task RecomputeAsync_QueueSupplyTailOn_GapNamesTheQueuesAndCopiedPartsKeepTheirFiles()
    {
        var store = TestPaths.NewTempFolder();
        var ingest = await TestPipeline.RunIngestAsync(store);
        var recompute = await TestPipeline.RecomputeAsync(store, RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { [AssumptionNames.QueueSupplyTail] = 1 } });

        var before = SourcesByResource(Package(store, ingest.RunId));
        var after = SourcesByResource(Package(store, recompute.RunId));

        Assert.Equal(RunStatus.Published, recompute.Status);
        Assert.Contains(SourceNames.Queues, after["gap_by_year"].Select(s => s.Name));
        Assert.Contains(SourceNames.Queues, after["headline"].Select(s => s.Name));
        Assert.DoesNotContain(SourceNames.Queues, after["us_vs_china_additions"].Select(s => s.Name));
        Assert.Equal(before["ba_hourly_2025_h2"], after["ba_hourly_2025_h2"]);
        Assert.Equal(before["generators"], after["generators"]);
    }

    [Fact]
    public async Task Normalisers_EveryTableTheyWrite_NamesEverySourceTheyRead()
    {
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(TestPaths.NewTempFolder()));

        var normalisers = services.GetServices<INormaliser>().ToList();

        Assert.NotEmpty(normalisers);
        Assert.All(normalisers, n => Assert.All(n.Tables, t => Assert.Superset(n.Sources.ToHashSet(), t.Sources.ToHashSet())));
    }
}
