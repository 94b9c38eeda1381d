using AiEnergyPipeline.Publish;

namespace AiEnergyPipeline.Pipeline;

/// <summary>How a run ended, for the adapters to show: the CLI prints it, HTTP answers with it.</summary>
public sealed record RunOutcome(RunStatus Status, string RunId, string? LatestRunId, string Store, string Message, RunReport Report)
{
    public bool Succeeded => Status != RunStatus.Failed;
}
