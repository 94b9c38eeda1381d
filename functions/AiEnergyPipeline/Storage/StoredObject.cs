namespace AiEnergyPipeline.Storage;

/// <summary>An object opened for reading; dispose it to release the stream.</summary>
public sealed class StoredObject(StoredObjectInfo info, Stream content) : IAsyncDisposable, IDisposable
{
    public StoredObjectInfo Info { get; } = info;
    public Stream Content { get; } = content;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
    public void Dispose() => Content.Dispose();
}
