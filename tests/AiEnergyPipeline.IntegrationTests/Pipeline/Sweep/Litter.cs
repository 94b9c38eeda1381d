using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using System.Globalization;
using System.Text;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.Sweep;

/// <summary>Writes by hand what crashed runs and months of runs leave in a store.</summary>
internal static class Litter
{
    public static string Id(DateTimeOffset start, string suffix = "abcdef") =>
        start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + suffix;

    public static async Task PutAsync(IDatasetStore store, string path, string text = "x")
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await store.WriteAsync(path, content, WriteCondition.None);
    }

    /// <summary>A complete run: a table and a datapackage.json naming the run it derives from.</summary>
    /// <param name="rawPaths">The raw files its data package names as its sources.</param>
    public static async Task CompleteRunAsync(IDatasetStore store, string runId, string? derivedFrom = null, params string[] rawPaths)
    {
        await PutAsync(store, $"runs/{runId}/data/generators.csv", "a,b\n1,2\n");
        await PutAsync(store, $"runs/{runId}/report.json", "{}");
        var sources = rawPaths.Select(p => new DataSource("eia930_bulk", "t", InputOrigin.Fetched, "https://example.invalid/f.csv", "f.csv", p, DateTimeOffset.UnixEpoch, Sha256Of(p), 1, null, null)).ToList();
        var package = new DataPackage("data-package", "aienergy", runId, "t", DateTimeOffset.UnixEpoch, "0000", [], sources, [], DerivedFrom: derivedFrom);
        using var content = new MemoryStream(PublishedJson.Serialize(package));
        await store.WriteAsync(RunPublisher.DataPackagePath(runId), content, WriteCondition.None);
    }

    /// <summary>The sha256 a content-addressed path names (raw/{source}/{sha256}.{ext}).</summary>
    public static string Sha256Of(string rawPath) => Path.GetFileNameWithoutExtension(rawPath);

    /// <summary>A source file's fetch state naming <paramref name="rawPath"/>: what a 304 Not Modified reuses.</summary>
    public static Task PutFetchStateAsync(IDatasetStore store, string fileName, string rawPath) =>
        new FetchState("eia930_bulk", fileName, "https://example.invalid/" + fileName, null, null, 1, Sha256Of(rawPath), rawPath, DateTimeOffset.UnixEpoch).WriteAsync(store, CancellationToken.None);

    /// <summary>How a partition ended in a plan, naming the file (and so the entry) it used.</summary>
    public static Task PutPlanRecordAsync(IDatasetStore store, string path, string rawPath) =>
        PutAsync(store, path, Encoding.UTF8.GetString(PublishedJson.Serialize(new AiEnergyPipeline.Pipeline.PartitionRecord("plan", "eia930_bulk", "2024_h1", "f.csv", PartitionStatus.Normalised,
            new FetchState("eia930_bulk", "f.csv", "https://example.invalid/f.csv", null, null, 1, Sha256Of(rawPath), rawPath, DateTimeOffset.UnixEpoch), 1, 1, 0, null, DateTimeOffset.UnixEpoch))));

    public static async Task PointLatestAtAsync(IDatasetStore store, string runId)
    {
        var pointer = new LatestPointer(runId, DateTimeOffset.UnixEpoch, RunPublisher.DataPackagePath(runId), "0000", []);
        using var content = new MemoryStream(PublishedJson.Serialize(pointer));
        await store.WriteAsync(RunPublisher.LatestPath, content, WriteCondition.None);
    }

    /// <summary>Every path in the store, sorted.</summary>
    public static async Task<List<string>> PathsAsync(IDatasetStore store)
    {
        var paths = new List<string>();
        await foreach (var info in store.ListAsync(""))
        {
            paths.Add(info.Path);
        }

        return paths;
    }

    /// <summary>The run ids under runs/, sorted.</summary>
    public static async Task<List<string>> RunsAsync(IDatasetStore store) =>
        [.. (await PathsAsync(store)).Where(p => p.StartsWith("runs/", StringComparison.Ordinal)).Select(p => p.Split('/')[1]).Distinct().Order(StringComparer.Ordinal)];
}
