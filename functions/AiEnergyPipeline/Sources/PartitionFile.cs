namespace AiEnergyPipeline.Sources;

public sealed record PartitionFile(string Table, string Format, string Path, long Rows, long Bytes, string Sha256);
