namespace AiEnergyPipeline.Recompute;

/// <summary>One published row of the assumptions table, as far as validation needs it.</summary>
public sealed record PublishedAssumption(string Name, double Value, string Unit);
