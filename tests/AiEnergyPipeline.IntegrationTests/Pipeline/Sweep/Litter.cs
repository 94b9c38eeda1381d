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
    public static async Task CompleteRunAsync(IDatasetStore store, string runId, string? derivedFrom = null)
    {
        await PutAsync(store, $"runs/{runId}/data/generators.csv", "a,b\n1,2\n");
        await PutAsync(store, $"runs/{runId}/report.json", "{}");
        var package = new DataPackage("data-package", "aienergy", runId, "t", DateTimeOffset.UnixEpoch, "0000", [], [], [], DerivedFrom: derivedFrom);
        using var content = new MemoryStream(PublishedJson.Serialize(package));
        await store.WriteAsync(RunPublisher.DataPackagePath(runId), content, WriteCondition.None);
    }

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
