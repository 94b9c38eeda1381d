using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline;

/// <summary>How a run ended, for the adapters to show: the CLI prints it, HTTP answers with it. <see cref="DerivedFrom"/> is the run a recompute started from.</summary>
public sealed record RunOutcome(RunStatus Status, string RunId, string? LatestRunId, string Store, string Message, RunReport Report, string? DerivedFrom = null)
{
    public bool Succeeded => Status != RunStatus.Failed;
}
