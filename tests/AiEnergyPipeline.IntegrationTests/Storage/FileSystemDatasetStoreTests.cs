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
}
