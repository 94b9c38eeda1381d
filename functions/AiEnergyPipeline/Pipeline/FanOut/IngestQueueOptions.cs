namespace AiEnergyPipeline.Pipeline.FanOut;

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
