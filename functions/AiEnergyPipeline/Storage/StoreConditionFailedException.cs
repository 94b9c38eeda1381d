namespace AiEnergyPipeline.Storage;

/// <summary>A conditional write found the object in another state than it required.</summary>
public sealed class StoreConditionFailedException(string path, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Path { get; } = path;
}
