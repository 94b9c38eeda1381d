namespace AiEnergyPipeline.Sources.Eia860m;

/// <summary>One row of generator_changes: a stretch of vintages over which a generator's record did not change.</summary>
public sealed record GeneratorChange(long PlantId, string GeneratorId, string ValidFromMonth, string ValidUntilMonth, GeneratorState State);
