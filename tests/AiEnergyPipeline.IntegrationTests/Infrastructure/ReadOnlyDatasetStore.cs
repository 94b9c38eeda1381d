using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A folder store that can be read but not written, as a folder mounted read-only or without write
/// permission: every write and copy throws what .NET throws then. (The tests run as root, for whom
/// a folder's permissions do not stop a write, so the refusal is made here.)
/// </summary>
internal sealed class ReadOnlyDatasetStore(IDatasetStore inner) : IDatasetStore
{
    public string Description => inner.Description;

    public Task<string> WriteAsync(string path, Stream content, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default) =>
        throw Denied(path);

    public Task<string> CopyAsync(string from, string to, CancellationToken cancellationToken = default) => throw Denied(to);

    public Task<StoredObject?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

    public Task<StoredObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

    public IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    private UnauthorizedAccessException Denied(string path) =>
        new($"Access to the path '{Path.Combine(inner.Description, path)}.0f3c.tmp' is denied.", new IOException("Read-only file system", 30));
}
