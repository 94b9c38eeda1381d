namespace AiEnergyPipeline.Storage;

/// <summary>What a store knows of an object.</summary>
/// <param name="LastModified">When it was last written, by the store's clock; null when the store did not say.</param>
public sealed record StoredObjectInfo(string Path, string ETag, long Length, string? ContentType, IReadOnlyDictionary<string, string> Metadata, DateTimeOffset? LastModified = null);
