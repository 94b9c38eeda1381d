namespace AiEnergyPipeline.Publish;

public enum RunStatus
{
    Published,
    Unchanged,
    Failed,
}
