namespace AiEnergyPipeline.Storage;

/// <summary>
/// A store operation failed for a reason of the storage itself (unreachable, refused, full,
/// read-only, timed out): the message names the operation, the object, the store and the cause, so
/// that one line tells an operator what to fix. An <see cref="IOException"/>, so that every handler
/// of storage failures (<see cref="StorageFailures.IsStorageFailure"/>) already knows it.
/// </summary>
public sealed class StoreFailedException(string operation, string path, string store, string cause, Exception inner)
    : IOException($"{operation} '{path}' in {store}: {cause}", inner)
{
    public string Operation { get; } = operation;
    public string Path { get; } = path;
}
