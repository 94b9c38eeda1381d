namespace AiEnergyPipeline.Storage;

/// <summary>
/// A flat store of named objects ("runs/x/data/ba_hourly.csv"), the one abstraction over
/// Azure Blob Storage and a local folder. Writes stream and may be conditional, so that the
/// latest-run pointer can be swung safely by concurrent runs.
/// </summary>
public interface IDatasetStore
{
    /// <summary>Where the store writes, for people: a folder or a container URL (never with credentials).</summary>
    string Description { get; }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/>, honouring <paramref name="condition"/>.</summary>
    /// <returns>The new object's ETag.</returns>
    /// <exception cref="StoreConditionFailedException">The condition did not hold; nothing was written.</exception>
    Task<string> WriteAsync(string path, Stream content, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Opens an object for reading, or returns null when there is none.</summary>
    Task<StoredObject?> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The object's properties without its content, or null when there is none.</summary>
    Task<StoredObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Every object whose path starts with <paramref name="prefix"/>, in ordinal order of path.</summary>
    IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>
    /// Copies the object at <paramref name="from"/> (bytes, content type and metadata) to
    /// <paramref name="to"/>, replacing what is there, inside the store: a blob is copied by the
    /// service within its account, so a large published part never streams through the instance.
    /// </summary>
    /// <returns>The new object's ETag.</returns>
    /// <exception cref="FileNotFoundException">There is no object at <paramref name="from"/>.</exception>
    Task<string> CopyAsync(string from, string to, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the object at <paramref name="path"/>; only the sweep deletes (litter and runs past
    /// their retention). A store that cannot delete says so, and the sweep reports it.
    /// </summary>
    /// <returns>False when there was no object.</returns>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{GetType().Name} cannot delete objects.");
}

/// <summary>
/// A store whose half-written objects (a folder store's "*.tmp" files, left by a crash between
/// writing and moving into place) are hidden from <see cref="IDatasetStore.ListAsync"/>: the
/// sweep lists and removes them through this.
/// </summary>
public interface ITemporaryObjects
{
    /// <summary>Every temporary object, with its path relative to the store and its last write.</summary>
    IReadOnlyList<StoredObjectInfo> ListTemporary();

    /// <summary>Deletes one temporary object listed by <see cref="ListTemporary"/>.</summary>
    bool DeleteTemporary(string path);
}

/// <summary>Optional properties of a write.</summary>
public sealed record StoreWriteOptions(string? ContentType = null, IReadOnlyDictionary<string, string>? Metadata = null);

/// <summary>What a store knows of an object.</summary>
/// <param name="LastModified">When it was last written, by the store's clock; null when the store did not say.</param>
public sealed record StoredObjectInfo(string Path, string ETag, long Length, string? ContentType, IReadOnlyDictionary<string, string> Metadata, DateTimeOffset? LastModified = null);

/// <summary>An object opened for reading; dispose it to release the stream.</summary>
public sealed class StoredObject(StoredObjectInfo info, Stream content) : IAsyncDisposable, IDisposable
{
    public StoredObjectInfo Info { get; } = info;
    public Stream Content { get; } = content;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
    public void Dispose() => Content.Dispose();
}
