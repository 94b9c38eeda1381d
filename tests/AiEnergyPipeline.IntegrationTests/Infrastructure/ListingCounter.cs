using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>A store that counts its listings: a reader whose cost must not grow with the store's history lists nothing.</summary>
internal sealed class ListingCounter(IDatasetStore inner) : IDatasetStore
{
    public int Listings { get; private set; }

    public string Description => inner.Description;

    public Task<string> WriteAsync(string path, Stream content, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(path, content, condition, options, cancellationToken);

    public Task<string> CopyAsync(string from, string to, CancellationToken cancellationToken = default) => inner.CopyAsync(from, to, cancellationToken);

    public Task<StoredObject?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

    public Task<StoredObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

    public IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        Listings++;
        return inner.ListAsync(prefix, cancellationToken);
    }
}
