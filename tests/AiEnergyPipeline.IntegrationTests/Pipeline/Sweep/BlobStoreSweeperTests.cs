using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.Sweep;

/// <summary>The sweep on Azurite: a temporary object is a "*.tmp" blob, listed like any other.</summary>
public class BlobStoreSweeperTests : StoreSweeperContract
{
    protected override Dictionary<string, string?> NewStoreSettings() => TestPipeline.BlobStore(Azurite.NewContainer().Name);

    protected override Task PutTemporaryAsync(IDatasetStore store, Dictionary<string, string?> settings, string path, DateTimeOffset? written) =>
        Litter.PutAsync(store, path, "half");

    protected override async Task<List<string>> TemporaryAsync(IDatasetStore store, Dictionary<string, string?> settings) =>
        [.. (await Litter.PathsAsync(store)).Where(p => p.EndsWith(".tmp", StringComparison.Ordinal))];
}
