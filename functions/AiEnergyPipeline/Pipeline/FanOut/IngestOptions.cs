namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>Settings of ingest runs (section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    public FanOutMode FanOut { get; set; } = FanOutMode.InProcess;

    /// <summary>
    /// Deliveries of a queue message before the host moves it to the poison queue; must equal
    /// host.json's extensions.queues.maxDequeueCount. The last delivery records a failure instead
    /// of throwing, so that the run fails with a report rather than waiting forever.
    /// </summary>
    public int MaxDequeueCount { get; set; } = 5;
}
