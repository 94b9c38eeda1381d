namespace AiEnergyPipeline.Storage;

/// <summary>Optional properties of a write.</summary>
public sealed record StoreWriteOptions(string? ContentType = null, IReadOnlyDictionary<string, string>? Metadata = null);
