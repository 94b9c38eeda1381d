namespace AiEnergyPipeline.Hosting;

/// <summary>Settings of the store that runs are published to (section <c>PublishedStorage</c>).</summary>
public sealed class PublishedStorageOptions
{
    public const string Section = "PublishedStorage";

    /// <summary>A local folder; when set, it wins over blob settings.</summary>
    public string? Path { get; set; }

    /// <summary>A storage connection string (Azurite: UseDevelopmentStorage=true), for local use.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob service URI, used with managed identity (DefaultAzureCredential) in Azure.</summary>
    public string? ServiceUri { get; set; }

    public string Container { get; set; } = "published";

    /// <summary>Pins the blob service version the client speaks, for emulators that lag behind (such as "V2025_11_05").</summary>
    public string? ServiceVersion { get; set; }

    /// <summary>
    /// How often the blob client retries a failed request (refused, timed out, 5xx) before the
    /// operation fails. Small, so that a store that is down fails a run in seconds, not minutes.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first delay between retries; each next one doubles, up to 10 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// How long one request may take before it is abandoned (and retried). Uploads go in blocks of
    /// a few MiB, so a request that runs this long is stuck rather than slow.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
