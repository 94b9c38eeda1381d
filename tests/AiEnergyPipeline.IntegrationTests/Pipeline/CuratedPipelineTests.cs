using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.IntegrationTests.Sources.Eia930;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Security.Cryptography;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The curated scenarios and assumptions through the whole pipeline, published to a folder.</summary>
public class CuratedPipelineTests
{
    private static Task<RunOutcome> RunAsync(string store, string? curated = null, TimeProvider? time = null) =>
        TestPipeline.RunIngestAsync(store, time: time, settings: curated is null ? null : new Dictionary<string, string?> { ["Sources:Curated:Path"] = curated });

    private static JsonElement ReadJson(string path) => TestPipeline.ReadJson(path);

    private static string CopyOfCurated()
    {
        var target = TestPaths.NewTempFolder();
        foreach (var file in Directory.EnumerateFiles(CuratedOptions.DefaultPath))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    [Fact]
    public async Task RunAsync_BundledSnapshot_PublishesDemandScenariosAndAssumptionsCitingTheCuratedFiles()
    {
        var store = TestPaths.NewTempFolder();

        var outcome = await RunAsync(store);

        Assert.Equal(RunStatus.Published, outcome.Status);
        Assert.Equal(0, outcome.Report.QuarantinedRows);
        var runFolder = Path.Combine(store, "runs", outcome.RunId);
        var package = ReadJson(Path.Combine(runFolder, "datapackage.json"));
        var resources = package.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        foreach (var table in new[] { "demand_scenarios", "assumptions" })
        {
            Assert.True(resources[table].GetProperty("row_count").GetInt64() > 0, table);
            var lines = await File.ReadAllLinesAsync(Path.Combine(runFolder, "data", table + ".csv"));
            Assert.Equal(resources[table].GetProperty("row_count").GetInt64(), lines.Length - 1);
        }

        var scenarios = await File.ReadAllLinesAsync(Path.Combine(runFolder, "data", "demand_scenarios.csv"));
        Assert.Contains(scenarios, l => l.StartsWith("anthropic_build_ai_2028,2028,50,GW,capacity,50,", StringComparison.Ordinal));

        var curated = package.GetProperty("sources").EnumerateArray().Where(s => s.GetProperty("name").GetString() == "curated").ToList();
        var shipped = Directory.EnumerateFiles(CuratedOptions.DefaultPath).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(shipped, curated.Select(s => s.GetProperty("file_name").GetString()));
        Assert.All(curated, s =>
        {
            var name = s.GetProperty("file_name").GetString()!;
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(CuratedOptions.DefaultPath, name))));
            Assert.Equal(sha256, s.GetProperty("sha256").GetString());
            Assert.Equal("repo:curated/" + name, s.GetProperty("path").GetString());
            Assert.Equal("AiEnergyPipeline curated scenarios and assumptions", s.GetProperty("title").GetString());
            Assert.True(File.Exists(Path.Combine(store, s.GetProperty("raw_path").GetString()!)));
        });
        Assert.Contains(package.GetProperty("licenses").EnumerateArray(), l => l.GetProperty("name").GetString() == "AiEnergyPipeline-curated");

        var report = outcome.Report.Sources.Single(s => s.Name == "curated");
        Assert.Equal(SourceStatus.Succeeded, report.Status);
        Assert.True(report.RowsOut > 0);
        Assert.Equal(report.RowsIn, report.RowsOut);
    }

    [Fact]
    public async Task RunAsync_AnAssumptionChanges_PublishesANewRunWithTheNewValue()
    {
        var store = TestPaths.NewTempFolder();
        var first = await RunAsync(store);
        var curated = CopyOfCurated();
        var path = Path.Combine(curated, "assumptions.csv");
        var lines = await File.ReadAllLinesAsync(path);
        var index = Array.FindIndex(lines, l => l.StartsWith("load_factor.data_centre,0.8,", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("load_factor.data_centre,0.8,", "load_factor.data_centre,0.5,", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(path, lines);

        var second = await RunAsync(store, curated, new FakeTimeProvider(TestPipeline.Now.AddHours(1)));

        Assert.Equal(RunStatus.Published, second.Status);
        Assert.NotEqual(first.RunId, second.RunId);
        var scenarios = await File.ReadAllLinesAsync(Path.Combine(store, "runs", second.RunId, "data", "demand_scenarios.csv"));
        // 325 TWh x 1000 / 8760 h = 37.1005 GW average; / 0.5 = 74.2009 GW.
        Assert.Contains(scenarios, l => l.StartsWith("lbnl_2024_low,2028,325,TWh,energy,74.2009,0.5,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_BadCuratedRow_IsQuarantinedWithFileLineAndReasonAndTheRunPublishes()
    {
        var store = TestPaths.NewTempFolder();
        var curated = CopyOfCurated();
        var path = Path.Combine(curated, "demand_scenarios.csv");
        var lines = (await File.ReadAllLinesAsync(path)).ToList();
        lines.Add("bad_scenario,2030,12,GW,power,,Report,https://example.org/r,n");
        await File.WriteAllLinesAsync(path, lines);

        var outcome = await RunAsync(store, curated);

        Assert.Equal(RunStatus.Published, outcome.Status);
        Assert.Equal(1, outcome.Report.Sources.Single(s => s.Name == "curated").RowsQuarantined);
        var quarantine = await File.ReadAllLinesAsync(Path.Combine(store, "runs", outcome.RunId, "data", "quarantine.csv"));
        Assert.StartsWith($"curated,demand_scenarios.csv,raw/curated/", quarantine[1], StringComparison.Ordinal);
        Assert.Contains($",{lines.Count},", quarantine[1], StringComparison.Ordinal);
        Assert.Contains("'basis' value 'power' is not one of capacity, energy, share", quarantine[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CuratedFileLosesARequiredColumn_FailsNamingItAndLeavesLatestAlone()
    {
        var store = TestPaths.NewTempFolder();
        var good = await RunAsync(store);
        var latestBefore = await File.ReadAllBytesAsync(Path.Combine(store, "latest.json"));
        var curated = CopyOfCurated();
        var path = Path.Combine(curated, "assumptions.csv");
        var lines = await File.ReadAllLinesAsync(path);
        lines[0] = lines[0].Replace(",source,", ",publisher,", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(path, lines);

        var failed = await RunAsync(store, curated, new FakeTimeProvider(TestPipeline.Now.AddHours(1)));

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Contains("curated: assumptions.csv: required column missing: 'source'.", failed.Message, StringComparison.Ordinal);
        Assert.Equal(good.RunId, failed.LatestRunId);
        Assert.Equal(latestBefore, await File.ReadAllBytesAsync(Path.Combine(store, "latest.json")));
    }

    [Fact]
    public async Task FetchAsync_LiveAndSnapshotModes_ArchiveTheSameFilesWithoutHttp()
    {
        async Task<IReadOnlyList<FetchedFile>> FetchAsync(string mode)
        {
            await using var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(TestPaths.NewTempFolder())) { ["Pipeline:Mode"] = mode });
            var source = services.GetServices<ISource>().Single(s => s.Name == "curated");
            return await source.FetchAsync(new RawArchive(services.GetRequiredService<IDatasetStore>(), TestPaths.NewTempFolder()), CancellationToken.None);
        }

        var live = await FetchAsync("Live");
        var offline = await FetchAsync("Snapshot");

        Assert.Equal(offline.Select(f => (f.FileName, f.Sha256, f.Url)), live.Select(f => (f.FileName, f.Sha256, f.Url)));
        Assert.Contains(live, f => f.FileName == "demand_scenarios.csv");
    }
}
