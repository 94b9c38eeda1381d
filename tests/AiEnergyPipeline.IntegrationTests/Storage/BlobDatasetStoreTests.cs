using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.IntegrationTests.Storage;

/// <summary>The same contract against a real Azurite over HTTP.</summary>
public class BlobDatasetStoreTests : DatasetStoreContract
{
    protected override IDatasetStore CreateStore() => new BlobDatasetStore(Azurite.NewContainer());

    [Fact]
    public async Task ListAsync_ContainerNotCreatedYet_IsEmpty()
    {
        var store = CreateStore();

        await foreach (var item in store.ListAsync(""))
        {
            Assert.Fail($"unexpected {item.Path}");
        }
    }

    [Fact]
    public void Description_IsTheContainerUrlWithoutCredentials()
    {
        var container = Azurite.NewContainer();

        var description = new BlobDatasetStore(container).Description;

        Assert.Equal(container.Uri.ToString(), description);
        Assert.DoesNotContain("AccountKey", description, StringComparison.OrdinalIgnoreCase);
    }
}
