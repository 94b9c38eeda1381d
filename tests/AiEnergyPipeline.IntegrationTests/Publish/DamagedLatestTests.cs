using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Publish;

/// <summary>A latest.json that is unreadable, malformed or points at a run that is not whole: readers say so, the next run replaces it.</summary>
public class DamagedLatestTests
{
    [Theory]
    [InlineData(LatestDamage.Truncated, "is not a valid pointer")]
    [InlineData(LatestDamage.Empty, "is not a valid pointer")]
    [InlineData(LatestDamage.Array, "is not a valid pointer")]
    [InlineData(LatestDamage.EmptyObject, "has no valid run_id")]
    [InlineData(LatestDamage.DanglingRun, "/datapackage.json")]
    [InlineData(LatestDamage.MissingResource, "data/generators.csv is missing")]
    [InlineData(LatestDamage.ShortResource, "data/ba_annual.csv has")]
    public async Task RunAsync_DamagedLatest_ReadersAnswerClearlyAndTheNextRunPublishesInItsPlace(string damage, string problem)
    {
        var store = TestPaths.NewTempFolder();
        var first = await TestPipeline.RunIngestAsync(store, time: new FakeTimeProvider(TestPipeline.Now));
        await LatestDamage.ApplyAsync(store, first.RunId, damage);
        var damagedETag = (await new AiEnergyPipeline.Storage.FileSystemDatasetStore(store).GetInfoAsync(RunPublisher.LatestPath))!.ETag;
        var logs = new CapturedLogs();
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(store), new FakeTimeProvider(TestPipeline.Now.AddHours(1)), logs);
        var datasets = services.GetRequiredService<PublishedDatasets>();

        var listed = await datasets.LatestAsync(CancellationToken.None);
        var opened = await datasets.OpenAsync("ba_annual", null, null, CancellationToken.None);
        var recomputed = await TestPipeline.RecomputeAsync(services, RecomputeRequest.Empty);
        var outcome = await TestPipeline.RunIngestAsync(services);

        Assert.Null(listed.Pointer);
        Assert.Equal(damagedETag, listed.ETag);
        Assert.Contains(problem, listed.Problem, StringComparison.Ordinal);
        Assert.Equal(LookupStatus.Unavailable, opened.Status);
        Assert.Contains(problem, opened.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Failed, recomputed.Status);
        Assert.Contains("no whole run to recompute from", recomputed.Message, StringComparison.Ordinal);
        // The ingest does not call the damaged run unchanged: it publishes a new one and points latest.json at it.
        Assert.Equal(RunStatus.Published, outcome.Status);
        Assert.NotEqual(first.RunId, outcome.RunId);
        Assert.Equal(outcome.RunId, TestPipeline.ReadJson(Path.Combine(store, "latest.json")).GetProperty("run_id").GetString());
        var report = TestPipeline.ReadJson(Path.Combine(store, "runs", outcome.RunId, "report.json"));
        Assert.Contains("It replaced a damaged latest.json: latest.json", report.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(problem, report.GetProperty("message").GetString(), StringComparison.Ordinal);
        // Reported once by each run that met it (the recompute, then the ingest), as a warning naming the problem.
        var warnings = logs.Lines.Where(l => l.StartsWith("Warning AiEnergyPipeline.Publish.RunPublisher:", StringComparison.Ordinal) && l.Contains(problem, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Null((await datasets.LatestAsync(CancellationToken.None)).Problem);
    }
}
