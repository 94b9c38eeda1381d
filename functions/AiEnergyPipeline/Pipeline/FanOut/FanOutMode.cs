namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>How an ingest run's partitions are spread.</summary>
public enum FanOutMode
{
    /// <summary>All partitions in the process that started the run: no queue needed (the default, and always the CLI's).</summary>
    InProcess,

    /// <summary>Through the ingest storage queue, so that Functions can run partitions on many instances.</summary>
    Queue,
}
