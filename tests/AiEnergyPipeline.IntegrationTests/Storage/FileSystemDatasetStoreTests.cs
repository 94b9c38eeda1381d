using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.IntegrationTests.Storage;

public class FileSystemDatasetStoreTests : DatasetStoreContract
{
    protected override IDatasetStore CreateStore() => new FileSystemDatasetStore(TestPaths.NewTempFolder());

    [Fact]
    public async Task WriteAsync_UnsafePath_WritesNothingOutsideTheRoot()
    {
        var parent = TestPaths.NewTempFolder();
        var store = new FileSystemDatasetStore(Path.Combine(parent, "store"));

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync("../escaped.txt", new MemoryStream([1]), WriteCondition.None));

        Assert.False(File.Exists(Path.Combine(parent, "escaped.txt")));
    }

    /// <summary>Seen in the kill-anywhere test: a kill while a sidecar was written left it empty, and every listing failed.</summary>
    [Fact]
    public async Task ListAsync_SidecarLeftEmptyByAKill_ListsTheObjectWithoutItsContentType()
    {
        var root = TestPaths.NewTempFolder();
        var store = new FileSystemDatasetStore(root);
        await store.WriteAsync("runs/a/report.json", new MemoryStream("{}"u8.ToArray()), WriteCondition.None, new StoreWriteOptions("application/json"));
        await store.WriteAsync("runs/a/index.html", new MemoryStream("<p>"u8.ToArray()), WriteCondition.None, new StoreWriteOptions("text/html"));
        await File.WriteAllTextAsync(Path.Combine(root, ".meta", "runs", "a", "index.html.json"), "");

        var listed = new List<StoredObjectInfo>();
        await foreach (var item in store.ListAsync("runs/"))
        {
            listed.Add(item);
        }

        Assert.Equal([("runs/a/index.html", (string?)null), ("runs/a/report.json", "application/json")], listed.Select(i => (i.Path, i.ContentType)));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(root, ".meta"), "*.tmp", SearchOption.AllDirectories));
    }

    /// <summary>A copy is written when it is made, as a blob store's is: a sweep judges its temporary file, and a reader its Last-Modified, by that time.</summary>
    [Fact]
    public async Task CopyAsync_SourceWrittenLongAgo_CopyIsDatedNow()
    {
        var root = TestPaths.NewTempFolder();
        var store = new FileSystemDatasetStore(root);
        await store.WriteAsync("partitions/s/p/ba_hourly.csv", new MemoryStream("a\n1\n"u8.ToArray()), WriteCondition.None);
        File.SetLastWriteTimeUtc(Path.Combine(root, "partitions", "s", "p", "ba_hourly.csv"), DateTime.UtcNow.AddDays(-20));
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        await store.CopyAsync("partitions/s/p/ba_hourly.csv", "runs/r1/data/ba_hourly/p.csv");

        var copied = await store.GetInfoAsync("runs/r1/data/ba_hourly/p.csv");
        Assert.True(copied!.LastModified >= before, $"the copy is dated {copied.LastModified:O}");
        Assert.True((await store.GetInfoAsync("partitions/s/p/ba_hourly.csv"))!.LastModified < before.AddDays(-19));
    }
}
