namespace AiEnergyPipeline.Publish;

public enum SourceStatus
{
    Succeeded,
    Failed,
    NotRun,
}
