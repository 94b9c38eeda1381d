using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline.Sweep;

/// <summary>A complete run the retention policy kept, and why.</summary>
public sealed record KeptRun(string RunId, string Reason);
