using System.Text;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.IntegrationTests.Storage;

/// <summary>What every store must do, run against each implementation: they must behave the same.</summary>
public abstract class DatasetStoreContract
{
    protected abstract IDatasetStore CreateStore();

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<string?> ReadTextAsync(IDatasetStore store, string path)
    {
        await using var opened = await store.OpenReadAsync(path);
        if (opened is null)
        {
            return null;
        }

        using var reader = new StreamReader(opened.Content);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task WriteAsync_ThenOpenRead_ReturnsTheBytesContentTypeAndMetadata()
    {
        var store = CreateStore();

        var etag = await store.WriteAsync("runs/r1/data/t.csv", Text("a,b\n1,2\n"), WriteCondition.None, new StoreWriteOptions("text/csv; charset=utf-8", new Dictionary<string, string> { ["source"] = "eia930_bulk" }));
        await using var opened = await store.OpenReadAsync("runs/r1/data/t.csv");

        Assert.NotNull(opened);
        Assert.Equal(etag, opened.Info.ETag);
        Assert.Equal(8, opened.Info.Length);
        Assert.Equal("text/csv; charset=utf-8", opened.Info.ContentType);
        Assert.Equal("eia930_bulk", opened.Info.Metadata["source"]);
        Assert.Equal("a,b\n1,2\n", await new StreamReader(opened.Content).ReadToEndAsync());
    }

    [Fact]
    public async Task WriteFileAsync_LocalFile_StoresItsBytesAndMetadata()
    {
        var store = CreateStore();
        var local = Path.Combine(Infrastructure.TestPaths.NewTempFolder(), "download.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await File.WriteAllTextAsync(local, "a,b\n1,2\n");

        await store.WriteFileAsync("raw/s/abc.csv", local, WriteCondition.IfNotExists, new StoreWriteOptions("text/csv", new Dictionary<string, string> { ["sha256"] = "abc" }));

        Assert.Equal("a,b\n1,2\n", await ReadTextAsync(store, "raw/s/abc.csv"));
        Assert.Equal("abc", (await store.GetInfoAsync("raw/s/abc.csv"))!.Metadata["sha256"]);
        // A store that keeps objects on this disk says where, with the same bytes; another says nothing.
        Assert.True(store.LocalPathOf("raw/s/abc.csv") is not { } path || File.ReadAllText(path) == "a,b\n1,2\n");
    }

    [Fact]
    public async Task WriteFileAsync_IfNotExistsOnExistingObject_ThrowsAndKeepsTheOldBytes()
    {
        var store = CreateStore();
        await store.WriteAsync("raw/s/abc.csv", Text("first"), WriteCondition.IfNotExists);
        var local = Path.Combine(Infrastructure.TestPaths.NewTempFolder(), "download.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        await File.WriteAllTextAsync(local, "second");

        await Assert.ThrowsAsync<StoreConditionFailedException>(() => store.WriteFileAsync("raw/s/abc.csv", local, WriteCondition.IfNotExists));

        Assert.Equal("first", await ReadTextAsync(store, "raw/s/abc.csv"));
    }

    [Fact]
    public async Task OpenReadAndGetInfo_Missing_ReturnNull()
    {
        var store = CreateStore();

        Assert.Null(await store.OpenReadAsync("nothing/here.json"));
        Assert.Null(await store.GetInfoAsync("nothing/here.json"));
    }

    [Fact]
    public async Task WriteAsync_IfNotExistsOnExistingObject_ThrowsAndKeepsTheOldBytes()
    {
        var store = CreateStore();
        await store.WriteAsync("latest.json", Text("first"), WriteCondition.IfNotExists);

        await Assert.ThrowsAsync<StoreConditionFailedException>(() => store.WriteAsync("latest.json", Text("second"), WriteCondition.IfNotExists));

        Assert.Equal("first", await ReadTextAsync(store, "latest.json"));
    }

    [Fact]
    public async Task WriteAsync_IfMatchesCurrentETag_WritesAndReturnsANewETag()
    {
        var store = CreateStore();
        var first = await store.WriteAsync("latest.json", Text("first"), WriteCondition.IfNotExists);

        var second = await store.WriteAsync("latest.json", Text("second!"), WriteCondition.IfMatches(first));

        Assert.NotEqual(first, second);
        Assert.Equal(second, (await store.GetInfoAsync("latest.json"))!.ETag);
        Assert.Equal("second!", await ReadTextAsync(store, "latest.json"));
    }

    [Fact]
    public async Task WriteAsync_IfMatchesStaleETag_ThrowsAndKeepsTheNewerBytes()
    {
        var store = CreateStore();
        var stale = await store.WriteAsync("latest.json", Text("one"), WriteCondition.None);
        await store.WriteAsync("latest.json", Text("two"), WriteCondition.None);

        await Assert.ThrowsAsync<StoreConditionFailedException>(() => store.WriteAsync("latest.json", Text("three"), WriteCondition.IfMatches(stale)));

        Assert.Equal("two", await ReadTextAsync(store, "latest.json"));
    }

    [Fact]
    public async Task WriteAsync_IfMatchesOnMissingObject_Throws()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<StoreConditionFailedException>(() => store.WriteAsync("latest.json", Text("x"), WriteCondition.IfMatches("\"0x1\"")));

        Assert.Null(await store.GetInfoAsync("latest.json"));
    }

    [Fact]
    public async Task WriteAsync_ConcurrentIfMatchWithTheSameETag_ExactlyOneWins()
    {
        var store = CreateStore();
        var etag = await store.WriteAsync("latest.json", Text("base"), WriteCondition.None);

        var attempts = Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await store.WriteAsync("latest.json", Text($"writer {i}"), WriteCondition.IfMatches(etag));
                return true;
            }
            catch (StoreConditionFailedException)
            {
                return false;
            }
        });
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        Assert.StartsWith("writer ", await ReadTextAsync(store, "latest.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_Prefix_ListsOnlyMatchingPathsInOrdinalOrder()
    {
        var store = CreateStore();
        foreach (var path in new[] { "runs/b/x.csv", "runs/a/y.csv", "raw/s/1.csv", "runs/a/data/z.csv", "latest.json" })
        {
            await store.WriteAsync(path, Text(path), WriteCondition.None);
        }

        var listed = new List<string>();
        await foreach (var item in store.ListAsync("runs/"))
        {
            listed.Add(item.Path);
        }

        Assert.Equal(["runs/a/data/z.csv", "runs/a/y.csv", "runs/b/x.csv"], listed);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("runs/../../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData(".meta/x")]
    public async Task AllOperations_UnsafePath_AreRefusedBeforeTouchingStorage(string path)
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync(path, Text("x"), WriteCondition.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(path));
        await Assert.ThrowsAsync<ArgumentException>(() => store.GetInfoAsync(path));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CopyAsync(path, "runs/r/copy.csv"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.CopyAsync("runs/r/source.csv", path));
        var local = Path.Combine(Repository.NewTempFolder(), "x.csv");
        await File.WriteAllTextAsync(local, "x");
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteFileAsync(path, local, WriteCondition.None));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(path));

        // Nothing was written anywhere the store lists, and the local file handed over is still there.
        await foreach (var written in store.ListAsync(""))
        {
            Assert.Fail($"{written.Path} was written");
        }

        Assert.True(File.Exists(local));
    }

    [Fact]
    public async Task CopyAsync_ExistingObject_CopiesBytesContentTypeAndMetadataOverWhatWasThere()
    {
        var store = CreateStore();
        await store.WriteAsync("partitions/s/p/ba_hourly.csv", Text("a,b\n1,2\n"), WriteCondition.None, new StoreWriteOptions("text/csv; charset=utf-8", new Dictionary<string, string> { ["sha256"] = "abc" }));
        await store.WriteAsync("runs/r1/data/ba_hourly/p.csv", Text("old"), WriteCondition.None);

        var etag = await store.CopyAsync("partitions/s/p/ba_hourly.csv", "runs/r1/data/ba_hourly/p.csv");

        var copied = await store.GetInfoAsync("runs/r1/data/ba_hourly/p.csv");
        Assert.Equal((etag, 8L, "text/csv; charset=utf-8", "abc"), (copied!.ETag, copied.Length, copied.ContentType, copied.Metadata["sha256"]));
        Assert.Equal("a,b\n1,2\n", await ReadTextAsync(store, "runs/r1/data/ba_hourly/p.csv"));
        Assert.Equal("a,b\n1,2\n", await ReadTextAsync(store, "partitions/s/p/ba_hourly.csv"));
    }

    [Fact]
    public async Task CopyAsync_MissingSource_ThrowsFileNotFoundAndWritesNothing()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<FileNotFoundException>(() => store.CopyAsync("partitions/none.csv", "runs/r1/data/x.csv"));

        Assert.Null(await store.GetInfoAsync("runs/r1/data/x.csv"));
    }
}
