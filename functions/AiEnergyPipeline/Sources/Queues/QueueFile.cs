namespace AiEnergyPipeline.Sources.Queues;

/// <summary>A queue file as the source fetches it and the normaliser reads it: <see cref="Index"/> is its place in the settings.</summary>
public sealed record QueueFile(int Index, Uri Url, QueueFileFormat Format, string? Region, string? Sheet, string FileName);
