namespace AiEnergyPipeline.Storage;

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
