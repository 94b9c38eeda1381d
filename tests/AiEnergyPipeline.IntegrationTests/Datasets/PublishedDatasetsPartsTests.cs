using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Datasets;

/// <summary>ba_hourly published in parts, read back whole or by part, and carried into a recompute by copy.</summary>
public class PublishedDatasetsPartsTests
{
    private static async Task<string> ReadAsync(DatasetLookup lookup)
    {
        Assert.Equal(LookupStatus.Found, lookup.Status);
        await using var opened = lookup.Object!;
        using var reader = new StreamReader(opened.Content);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task OpenAsync_TableInParts_StreamsEveryPartInOrderUnderOneHeader()
    {
        var store = TestPaths.NewTempFolder();
        var run = await TestPipeline.RunIngestAsync(store);
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(store));
        var datasets = services.GetRequiredService<PublishedDatasets>();
        var folder = Path.Combine(store, "runs", run.RunId, "data", "ba_hourly");
        var parts = new[] { "2025_h1", "2025_h2", "api" }.Select(p => File.ReadAllLines(Path.Combine(folder, p + ".csv"))).ToList();

        var lookup = await datasets.OpenAsync("ba_hourly", "csv", null, CancellationToken.None);
        var whole = await ReadAsync(lookup);

        Assert.Equal("ba_hourly.csv", lookup.FileName);
        var expected = parts[0].Concat(parts[1].Skip(1)).Concat(parts[2].Skip(1)).ToList();
        Assert.Equal(expected, whole.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(whole), lookup.Object!.Info.Length);
        Assert.Single(expected, l => l.StartsWith("balancing_authority_code,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenAsync_OnePart_ReturnsOnlyThatPart()
    {
        var store = TestPaths.NewTempFolder();
        var run = await TestPipeline.RunIngestAsync(store);
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(store));

        var lookup = await services.GetRequiredService<PublishedDatasets>().OpenAsync("ba_hourly", null, run.RunId, CancellationToken.None, "2025_h1");

        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(store, "runs", run.RunId, "data", "ba_hourly", "2025_h1.csv")), await ReadAsync(lookup));
        Assert.Equal("ba_hourly_2025_h1.csv", lookup.FileName);
    }

    [Theory]
    [InlineData("ba_hourly", "../2025_h1", LookupStatus.Invalid)]
    [InlineData("ba_hourly", "2025_H1", LookupStatus.Invalid)]
    [InlineData("ba_hourly", "2019_h1", LookupStatus.NotFound)]
    [InlineData("ba_annual", "2025_h1", LookupStatus.NotFound)]
    public async Task OpenAsync_PartNotOnTheList_IsRefused(string name, string part, LookupStatus status)
    {
        var store = TestPaths.NewTempFolder();
        await TestPipeline.RunIngestAsync(store);
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(store));

        var lookup = await services.GetRequiredService<PublishedDatasets>().OpenAsync(name, "csv", null, CancellationToken.None, part);

        Assert.Equal(status, lookup.Status);
        Assert.Null(lookup.Object);
    }

    [Fact]
    public async Task Recompute_TableInParts_IsCopiedWithinTheStoreNeverRead()
    {
        var store = TestPaths.NewTempFolder();
        var ingest = await TestPipeline.RunIngestAsync(store);
        var reads = new List<string>();
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(store), new FakeTimeProvider(TestPipeline.Now.AddHours(1)),
            configure: s => s.AddSingleton<IDatasetStore>(new ReadRecordingStore(new FileSystemDatasetStore(store), reads)));
        var request = RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { ["reserve_margin"] = 0.25 } };

        var outcome = await TestPipeline.RecomputeAsync(services, request);

        Assert.Equal(RunStatus.Published, outcome.Status);
        Assert.DoesNotContain(reads, p => p.Contains("/ba_hourly", StringComparison.Ordinal) || p.Contains("queue_projects", StringComparison.Ordinal));
        Assert.Contains(reads, p => p.EndsWith("/data/ba_annual.csv", StringComparison.Ordinal));
        foreach (var part in new[] { "2025_h1", "2025_h2", "api" })
        {
            Assert.Equal(
                await File.ReadAllBytesAsync(Path.Combine(store, "runs", ingest.RunId, "data", "ba_hourly", part + ".csv")),
                await File.ReadAllBytesAsync(Path.Combine(store, "runs", outcome.RunId, "data", "ba_hourly", part + ".csv")));
        }

        var package = await PublishedRun.ReadPackageAsync(new FileSystemDatasetStore(store), outcome.RunId, CancellationToken.None);
        Assert.Equal(["2025_h1", "2025_h2", "api"], package.Resources.Where(r => r.TableName == "ba_hourly" && r.Format == "csv").Select(r => r.Part));
        Assert.Equal(["2025_h1", "2025_h2", "api"], package.Resources.Where(r => r.TableName == "ba_hourly" && r.Format == "parquet").Select(r => r.Part));
    }

    /// <summary>Passes everything to a real store and records the paths opened for reading.</summary>
    private sealed class ReadRecordingStore(IDatasetStore inner, List<string> reads) : IDatasetStore
    {
        public string Description => inner.Description;

        public Task<string> WriteAsync(string path, Stream content, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(path, content, condition, options, cancellationToken);

        public Task<StoredObject?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
        {
            lock (reads)
            {
                reads.Add(path);
            }

            return inner.OpenReadAsync(path, cancellationToken);
        }

        public Task<StoredObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

        public IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

        public Task<string> CopyAsync(string from, string to, CancellationToken cancellationToken = default) => inner.CopyAsync(from, to, cancellationToken);
    }
}
