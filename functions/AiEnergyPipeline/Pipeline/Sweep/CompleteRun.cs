using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline.Sweep;

/// <summary>A complete run (its datapackage.json is in the store) and the run it was recomputed from, if any.</summary>
public sealed record CompleteRun(string RunId, string? DerivedFrom);
