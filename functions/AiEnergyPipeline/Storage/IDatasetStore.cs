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

    /// <summary>
    /// Writes the bytes of the local file <paramref name="localFile"/> to <paramref name="path"/>,
    /// honouring <paramref name="condition"/>, and takes the file: a folder store moves it into
    /// place rather than copying it (hundreds of MB of downloads and outputs written once, not
    /// twice); any other store uploads it and leaves it. Either way the caller no longer uses it.
    /// </summary>
    /// <returns>The new object's ETag.</returns>
    /// <exception cref="StoreConditionFailedException">The condition did not hold; nothing was written (the file may be gone).</exception>
    async Task<string> WriteFileAsync(string path, string localFile, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        await using var content = new FileStream(localFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return await WriteAsync(path, content, condition, options, cancellationToken);
    }

    /// <summary>
    /// Where the object's bytes are on this machine's disk, for a store that keeps them there (a
    /// folder), else null. Only for reading immutable objects (the raw archive): a path read this
    /// way is not a copy.
    /// </summary>
    string? LocalPathOf(string path) => null;

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
