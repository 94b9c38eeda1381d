namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>What a message on the ingest queue asks for: one partition of a plan, or the plan's completion.</summary>
public enum IngestMessageKind
{
    Partition,
    Complete,
}
