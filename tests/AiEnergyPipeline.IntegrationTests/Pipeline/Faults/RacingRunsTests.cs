using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Security.Cryptography;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.Faults;

/// <summary>
/// Two ingest runs with different inputs at once (the timer and POST /api/ingest, or two
/// instances after a scale-out) against one Azurite container, both reaching the swing of
/// latest.json with the same ETag: Azurite's If-Match lets exactly one through; the loser
/// re-reads and either swings again (its run is newer) or reports that latest is the other run.
/// </summary>
public class RacingRunsTests
{
    private static async Task<string> ChangedSnapshotAsync(int line)
    {
        var snapshot = TestPaths.CopyOfSnapshot();
        var bulk = Path.Combine(snapshot, TestPaths.BulkSnapshotFile);
        var lines = await File.ReadAllLinesAsync(bulk);
        lines[line] = lines[line].Replace(" AM,", " XM,", StringComparison.Ordinal).Replace(" PM,", " XM,", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(bulk, lines);
        return snapshot;
    }

    private static Task<RunOutcome> RunAsync(BlobContainerClient container, string snapshot, DateTimeOffset at, SwingGate? gate) =>
        RunAsync(container, snapshot, at, gate, (services, _) => TestPipeline.RunIngestAsync(services));

    private static Task<RunOutcome> RecomputeAsync(BlobContainerClient container, DateTimeOffset at, SwingGate gate) =>
        RunAsync(container, TestPaths.CopyOfSnapshot(), at, gate, (services, _) => TestPipeline.RecomputeAsync(services,
            Recompute.RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { ["reserve_margin"] = 0.25 } }));

    private static async Task<RunOutcome> RunAsync(BlobContainerClient container, string snapshot, DateTimeOffset at, SwingGate? gate, Func<ServiceProvider, int, Task<RunOutcome>> run)
    {
        var settings = TestPipeline.BlobStore(container.Name);
        settings["Pipeline:SnapshotPath"] = snapshot;
        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(at), configure: s =>
        {
            if (gate is not null)
            {
                s.AddSingleton<IDatasetStore>(new GatedStore(new BlobDatasetStore(container), gate));
            }
        });
        return await run(services, 0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_TwoRunsSwingLatestTogether_OneWinsTheNewerEndsLatestAndNoFilesAreMixed(bool newerSwingsFirst)
    {
        var container = Azurite.NewContainer();
        var good = await RunAsync(container, TestPaths.CopyOfSnapshot(), TestPipeline.Now, gate: null);
        Assert.Equal(RunStatus.Published, good.Status);
        var older = await ChangedSnapshotAsync(5);
        var newer = await ChangedSnapshotAsync(6);
        var gate = new SwingGate(newerSwingsFirst);

        // Real concurrency: both pipelines run at once; the gate only makes them meet at the swing.
        var runs = await Task.WhenAll(
            Task.Run(() => RunAsync(container, older, TestPipeline.Now.AddHours(1), gate)),
            Task.Run(() => RunAsync(container, newer, TestPipeline.Now.AddHours(2), gate)));
        var (a, b) = (runs[0], runs[1]);

        Assert.Equal((RunStatus.Published, RunStatus.Published), (a.Status, b.Status));
        Assert.True(string.CompareOrdinal(b.RunId, a.RunId) > 0);
        var swings = gate.Swings.ToList();
        // Exactly one of the two swings made with the same ETag got through.
        Assert.Single(swings.Take(2), s => s.Written);
        Assert.Equal(newerSwingsFirst ? b.RunId : a.RunId, swings[0].RunId);
        if (newerSwingsFirst)
        {
            // The older run lost, saw a newer run there, and left it: it says so.
            Assert.Equal([(b.RunId, true), (a.RunId, false)], swings);
            Assert.Equal(b.RunId, a.LatestRunId);
            Assert.Contains($"It is not latest: run {b.RunId} swung latest.json first", a.Message, StringComparison.Ordinal);
            var report = TestPipelineJson(await Download(container, RunPublisher.ReportPath(a.RunId)));
            Assert.Contains($"It is not latest: run {b.RunId} swung latest.json first", report.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        else
        {
            // The newer run lost to an older one, re-read the pointer and swung it again.
            Assert.Equal([(a.RunId, true), (b.RunId, false), (b.RunId, true)], swings);
            Assert.Equal(a.RunId, a.LatestRunId);
            Assert.DoesNotContain("not latest", b.Message, StringComparison.Ordinal);
        }

        Assert.Equal(b.RunId, b.LatestRunId);
        Assert.Equal(b.RunId, TestPipelineJson(await Download(container, RunPublisher.LatestPath)).GetProperty("run_id").GetString());
        foreach (var run in new[] { good, a, b })
        {
            await AssertFilesMatchTheirPackageAsync(container, run.RunId);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_IngestOfNewDataAndARecomputeOfTheOldSwingTogether_TheIngestEndsLatestWhateverTheOrder(bool recomputeSwingsFirst)
    {
        var container = Azurite.NewContainer();
        var good = await RunAsync(container, TestPaths.CopyOfSnapshot(), TestPipeline.Now, gate: null);
        var changed = await ChangedSnapshotAsync(5);
        // The recompute starts later, so its run id sorts after the ingest's: by start time alone it would win.
        var gate = new SwingGate(newerFirst: recomputeSwingsFirst);

        var runs = await Task.WhenAll(
            Task.Run(() => RunAsync(container, changed, TestPipeline.Now.AddHours(1), gate)),
            Task.Run(() => RecomputeAsync(container, TestPipeline.Now.AddHours(2), gate)));
        var (ingest, recompute) = (runs[0], runs[1]);

        Assert.Equal((RunStatus.Published, RunStatus.Published), (ingest.Status, recompute.Status));
        Assert.Equal(good.RunId, recompute.DerivedFrom);
        Assert.True(string.CompareOrdinal(recompute.RunId, ingest.RunId) > 0);
        var swings = gate.Swings.ToList();
        Assert.Single(swings.Take(2), s => s.Written);
        if (recomputeSwingsFirst)
        {
            // The ingest lost the swing to a recompute of older data, re-read and swung again.
            Assert.Equal([(recompute.RunId, true), (ingest.RunId, false), (ingest.RunId, true)], swings);
            Assert.Equal(recompute.RunId, recompute.LatestRunId);
        }
        else
        {
            // The recompute's base is no longer latest: it leaves latest.json on the ingest and says so.
            Assert.Equal([(ingest.RunId, true), (recompute.RunId, false)], swings);
            Assert.Equal(ingest.RunId, recompute.LatestRunId);
            Assert.Contains($"It is not latest: run {ingest.RunId} swung latest.json first", recompute.Message, StringComparison.Ordinal);
        }

        Assert.Equal(ingest.RunId, ingest.LatestRunId);
        Assert.Equal(ingest.RunId, TestPipelineJson(await Download(container, RunPublisher.LatestPath)).GetProperty("run_id").GetString());
        foreach (var run in new[] { good, ingest, recompute })
        {
            await AssertFilesMatchTheirPackageAsync(container, run.RunId);
        }
    }

    /// <summary>Every resource of the run's datapackage.json is in the run's folder with the bytes the package hashes.</summary>
    private static async Task AssertFilesMatchTheirPackageAsync(BlobContainerClient container, string runId)
    {
        var package = TestPipelineJson(await Download(container, RunPublisher.DataPackagePath(runId)));
        Assert.Equal(runId, package.GetProperty("id").GetString());
        var resources = package.GetProperty("resources").EnumerateArray().ToList();
        Assert.NotEmpty(resources);
        foreach (var resource in resources)
        {
            var bytes = await Download(container, $"{RunPublisher.RunFolder(runId)}/{resource.GetProperty("path").GetString()}");
            Assert.Equal(resource.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    private static async Task<byte[]> Download(BlobContainerClient container, string path) =>
        (await container.GetBlobClient(path).DownloadContentAsync()).Value.Content.ToArray();

    private static System.Text.Json.JsonElement TestPipelineJson(byte[] bytes) =>
        System.Text.Json.JsonDocument.Parse(bytes).RootElement.Clone();
}
