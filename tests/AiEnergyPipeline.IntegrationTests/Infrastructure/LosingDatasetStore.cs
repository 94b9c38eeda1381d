using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A store that acknowledges writes (and copies) of paths ending in <paramref name="suffix"/> but
/// keeps nothing: what an emulator restarted mid-run did, losing acknowledged writes. Everything
/// else passes to the real store.
/// </summary>
internal sealed class LosingDatasetStore(IDatasetStore inner, string suffix) : IDatasetStore
{
    public string Description => inner.Description;

    /// <summary>The paths whose writes were lost, in order.</summary>
    public List<string> Lost { get; } = [];

    public async Task<string> WriteAsync(string path, Stream content, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!path.EndsWith(suffix, StringComparison.Ordinal))
        {
            return await inner.WriteAsync(path, content, condition, options, cancellationToken);
        }

        await content.CopyToAsync(Stream.Null, cancellationToken);
        Lost.Add(path);
        return "\"lost\"";
    }

    public Task<string> CopyAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        if (!to.EndsWith(suffix, StringComparison.Ordinal))
        {
            return inner.CopyAsync(from, to, cancellationToken);
        }

        Lost.Add(to);
        return Task.FromResult("\"lost\"");
    }

    public Task<StoredObject?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

    public Task<StoredObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

    public IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}
