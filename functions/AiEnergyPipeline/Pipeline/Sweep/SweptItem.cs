using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Pipeline.Sweep;

/// <summary>One thing removed: a store path (a folder ends with /) or a local path, with how many objects and bytes, and why.</summary>
public sealed record SweptItem(SweepKind Kind, string Path, string Reason, int Objects, long Bytes);
