namespace AiEnergyPipeline.Pipeline.Recording;

/// <summary>A snapshot recorded from the live sources: its folder, how many files and bytes, and when.</summary>
public sealed record SnapshotRecording(string Folder, int Files, long Bytes, DateTimeOffset RecordedAtUtc);
