namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>How an ingest run's partitions are spread.</summary>
public enum FanOutMode
{
    /// <summary>All partitions in the process that started the run: no queue needed (the default, and always the CLI's).</summary>
    InProcess,

    /// <summary>Through the ingest storage queue, so that Functions can run partitions on many instances.</summary>
    Queue,
}

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

/// <summary>
/// The ingest queue's connection (section <c>IngestQueue</c>, the Connection name of the queue
/// trigger). Locally the setting <c>IngestQueue</c> itself holds a connection string; on Azure
/// <c>IngestQueue__queueServiceUri</c> with <c>IngestQueue__credential</c>=managedidentity and
/// <c>IngestQueue__clientId</c> reaches the queue by identity, for the trigger and for this app alike.
/// </summary>
public sealed class IngestQueueOptions
{
    public const string Section = "IngestQueue";

    /// <summary>The setting that names the queue (the trigger reads it as %INGEST_QUEUE_NAME%).</summary>
    public const string QueueNameSetting = "INGEST_QUEUE_NAME";

    public const string DefaultQueueName = "ingest-partitions";

    public string? QueueServiceUri { get; set; }

    /// <summary>"managedidentity" on Azure (read by the Functions host; this app uses DefaultAzureCredential with AZURE_CLIENT_ID).</summary>
    public string? Credential { get; set; }

    /// <summary>Client id of the user-assigned identity (read by the Functions host).</summary>
    public string? ClientId { get; set; }

    /// <summary>Pins the queue service version the client speaks, for emulators that lag behind (such as "V2025_11_05").</summary>
    public string? ServiceVersion { get; set; }
}
