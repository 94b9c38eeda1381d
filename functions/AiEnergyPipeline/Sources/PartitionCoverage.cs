namespace AiEnergyPipeline.Sources;

public sealed record PartitionCoverage(string BalancingAuthorityCode, DateTime FirstUtc, DateTime LastUtc);
