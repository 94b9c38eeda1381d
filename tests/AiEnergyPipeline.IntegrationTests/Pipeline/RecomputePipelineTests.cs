using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The recompute pipeline over folder stores: determinism and what it publishes.</summary>
public class RecomputePipelineTests
{
    private static readonly RecomputeRequest ReserveMargin025 =
        RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { ["reserve_margin"] = 0.25 } };

    private static async Task<RunOutcome> RecomputeAsync(string folder, RecomputeRequest request)
    {
        var time = new FakeTimeProvider(TestPipeline.Now.AddHours(1));
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(folder), time);
        return await TestPipeline.RecomputeAsync(services, request);
    }

    /// <summary>An ingest into the folder, an hour before <see cref="RecomputeAsync"/>.</summary>
    private static async Task<RunOutcome> IngestAsync(string folder)
    {
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(folder), new FakeTimeProvider(TestPipeline.Now));
        return await TestPipeline.RunIngestAsync(services);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public async Task RunAsync_SameRequestInTwoStoresFromTheSameIngest_GapFilesAreByteIdentical()
    {
        var first = TestPaths.NewTempFolder();
        await using (var services = TestPipeline.Build(TestPipeline.FolderStore(first), new FakeTimeProvider(TestPipeline.Now)))
        {
            Assert.Equal(RunStatus.Published, (await TestPipeline.RunIngestAsync(services)).Status);
        }

        var second = TestPaths.NewTempFolder();
        Copy(first, second);

        var a = await RecomputeAsync(first, ReserveMargin025);
        var b = await RecomputeAsync(second, ReserveMargin025);

        Assert.Equal(RunStatus.Published, a.Status);
        Assert.Equal(a.RunId, b.RunId);
        var gapA = Path.Combine(first, RunPublisher.RunFolder(a.RunId), "gap");
        var gapB = Path.Combine(second, RunPublisher.RunFolder(b.RunId), "gap");
        var files = Directory.GetFiles(gapA).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, Directory.GetFiles(gapB).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("gap_by_year.csv", files);
        foreach (var file in files)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(gapA, file!)), await File.ReadAllBytesAsync(Path.Combine(gapB, file!)));
        }
    }

    /// <summary>gap_by_year's ai_demand_gw by scenario and year (the file has no quoted fields).</summary>
    private static Dictionary<(string, string), double> AiDemand(string folder, string runId) =>
        File.ReadAllLines(Path.Combine(folder, RunPublisher.RunFolder(runId), "gap", "gap_by_year.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => (f[0], f[1]), f => double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task RunAsync_DataCentreLoadFactorHalved_DoublesEnergyScenariosAndLeavesCapacityScenarios()
    {
        var folder = TestPaths.NewTempFolder();
        var ingest = await IngestAsync(folder);

        var outcome = await RecomputeAsync(folder, RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { ["load_factor.data_centre"] = 0.4 } });

        Assert.Equal(RunStatus.Published, outcome.Status);
        var before = AiDemand(folder, ingest.RunId);
        var after = AiDemand(folder, outcome.RunId);
        var energy = before.Keys.Where(k => k.Item1 == "lbnl_2024_high").ToList();
        Assert.Contains(energy, k => before[k] > 0);
        // 0.8 to 0.4 doubles the capacity an energy figure needs; rounding to 6 decimals allows 1e-6.
        Assert.All(energy, k => Assert.InRange(after[k] - (2 * before[k]), -2e-6, 2e-6));
        Assert.Contains(before.Keys, k => k.Item1 == "anthropic_build_ai_2028");
        Assert.All(before.Keys.Where(k => k.Item1 == "anthropic_build_ai_2028"), k => Assert.Equal(before[k], after[k]));
    }

    [Fact]
    public async Task RunAsync_NothingPublished_FailsAndWritesNothing()
    {
        var folder = TestPaths.NewTempFolder();

        var outcome = await RecomputeAsync(folder, ReserveMargin025);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Null(outcome.LatestRunId);
        Assert.Equal(RecomputePipeline.NothingPublishedMessage, outcome.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
    }

    [Fact]
    public async Task RunAsync_EmptyRequestOnARunOfAnOlderModel_ComputesTheGapAgainAndRecordsTheModelAndCodeVersions()
    {
        var folder = TestPaths.NewTempFolder();
        var ingest = await IngestAsync(folder);

        Assert.Equal(IngestPipeline.ModelVersion, ModelVersionOf(folder, ingest.RunId));
        Assert.Equal(RunStatus.Unchanged, (await RecomputeAsync(folder, RecomputeRequest.Empty)).Status);
        // The same run as a version that did not record its model published it
        var packagePath = Path.Combine(folder, RunPublisher.DataPackagePath(ingest.RunId));
        var package = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(packagePath))!.AsObject();
        package.Remove("model_version");
        package.Remove("code_version");
        await File.WriteAllTextAsync(packagePath, package.ToJsonString());

        var again = await RecomputeAsync(folder, RecomputeRequest.Empty);

        Assert.True(again.Status == RunStatus.Published, again.Message);
        Assert.NotEqual(ingest.RunId, again.RunId);
        Assert.Equal(IngestPipeline.ModelVersion, ModelVersionOf(folder, again.RunId));
        Assert.Equal(CodeVersion.Current, System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, RunPublisher.DataPackagePath(again.RunId))))!["code_version"]?.GetValue<string>());
        Assert.True(File.Exists(Path.Combine(folder, RunPublisher.RunFolder(again.RunId), "gap", "gap_by_year.csv")));
    }

    private static string? ModelVersionOf(string folder, string runId) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, RunPublisher.DataPackagePath(runId))))!["model_version"]?.GetValue<string>();

    [Fact]
    public void InputsHash_EmptyRequest_IsTheIngestsHashAndAnOverrideChangesIt()
    {
        var ingest = new string('a', 64);

        Assert.Equal(ingest, RecomputePipeline.InputsHash(ingest, RecomputeRequest.Empty));
        Assert.NotEqual(ingest, RecomputePipeline.InputsHash(ingest, ReserveMargin025));
        Assert.Equal(RecomputePipeline.InputsHash(ingest, ReserveMargin025), RecomputePipeline.InputsHash(ingest, ReserveMargin025 with { Assumptions = new Dictionary<string, double> { ["reserve_margin"] = 0.25 } }));
    }
}
