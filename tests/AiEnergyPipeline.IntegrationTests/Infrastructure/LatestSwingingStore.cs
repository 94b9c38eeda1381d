using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A store whose latest.json is swung to another run right after it is first read: what an ingest
/// publishing between a reader's first and second read of it does. The first reader gets the
/// pointer as it was when read; every later read sees <paramref name="swungLatest"/>.
/// </summary>
internal sealed class LatestSwingingStore(IDatasetStore inner, byte[] swungLatest) : IDatasetStore
{
    private int _latestReads;

    public string Description => inner.Description;

    /// <summary>True once latest.json has been swung.</summary>
    public bool Swung { get; private set; }

    public async Task<StoredObject?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (path != RunPublisher.LatestPath || Interlocked.Increment(ref _latestReads) != 1)
        {
            return await inner.OpenReadAsync(path, cancellationToken);
        }

        // Read whole before the swing, so that the first reader gets the old pointer whatever the
        // store does to an open file it replaces.
        StoredObjectInfo info;
        var content = new MemoryStream();
        await using (var opened = await inner.OpenReadAsync(path, cancellationToken))
        {
            if (opened is null)
            {
                return null;
            }

            info = opened.Info;
            await opened.Content.CopyToAsync(content, cancellationToken);
        }

        await inner.WriteAsync(path, new MemoryStream(swungLatest), WriteCondition.None, cancellationToken: cancellationToken);
        Swung = true;
        content.Position = 0;
        return new StoredObject(info, content);
    }

    public Task<string> WriteAsync(string path, Stream content, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(path, content, condition, options, cancellationToken);

    public Task<StoredObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

    public IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<string> CopyAsync(string from, string to, CancellationToken cancellationToken = default) => inner.CopyAsync(from, to, cancellationToken);

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);
}
