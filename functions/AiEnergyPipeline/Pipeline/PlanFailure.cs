namespace AiEnergyPipeline.Pipeline;

/// <summary>Why a plan could not list its partitions: the source and the cause, secrets removed.</summary>
public sealed record PlanFailure(string Source, string Error);
