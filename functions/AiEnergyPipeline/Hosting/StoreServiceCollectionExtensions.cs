using AiEnergyPipeline.Storage;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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

public static class StoreServiceCollectionExtensions
{
    /// <summary>The published store: a folder, or a blob container reached by connection string or managed identity.</summary>
    public static IServiceCollection AddPublishedStore(this IServiceCollection services, IConfiguration configuration)
    {
        // The store decides what is registered, so its settings are checked now, before the container exists.
        var settings = StartupValidation.Bind(configuration, PublishedStorageOptions.Section, new PublishedStorageSettingsRules());
        services.AddOptions<PublishedStorageOptions>().Bind(configuration.GetSection(PublishedStorageOptions.Section)).ValidateSettings<PublishedStorageOptions, PublishedStorageSettingsRules>();
        // The SDK logs every request and response at Information: only its warnings and errors reach
        // the logs by default. Logging:LogLevel:Azure, when set, decides instead.
        if (configuration["Logging:LogLevel:Azure"] is null)
        {
            services.AddLogging(logging => logging.AddFilter("Azure", LogLevel.Warning));
        }
        if (!string.IsNullOrWhiteSpace(settings.Path))
        {
            // Every store is wrapped so that its failures name the operation, the object, the store and the cause.
            services.AddSingleton<IDatasetStore>(new FailureDescribingStore(new FileSystemDatasetStore(settings.Path)));
            return services;
        }


        if (string.IsNullOrWhiteSpace(settings.ConnectionString) && string.IsNullOrWhiteSpace(settings.ServiceUri))
        {
            throw new InvalidOperationException($"No published store is configured: set {PublishedStorageOptions.Section}:Path (a folder), {PublishedStorageOptions.Section}:ConnectionString, or {PublishedStorageOptions.Section}:ServiceUri (managed identity).");
        }

        services.AddAzureClients(clients =>
        {
            var builder = settings.ConnectionString is { Length: > 0 } connection
                ? clients.AddBlobServiceClient(connection)
                : clients.AddBlobServiceClient(Uri.TryCreate(settings.ServiceUri, UriKind.Absolute, out var uri)
                    ? uri
                    : throw new InvalidOperationException($"{PublishedStorageOptions.Section}:ServiceUri '{settings.ServiceUri}' is not an absolute URI such as https://account.blob.core.windows.net."));
            if (settings.ServiceVersion is { Length: > 0 } version)
            {
                builder.WithVersion(Enum.TryParse<BlobClientOptions.ServiceVersion>(version, out var pinned)
                    ? pinned
                    : throw new InvalidOperationException($"{PublishedStorageOptions.Section}:ServiceVersion '{version}' is not a blob service version this client knows, such as V2025_11_05."));
            }

            builder.ConfigureOptions(options =>
            {
                options.Retry.Mode = Azure.Core.RetryMode.Exponential;
                options.Retry.MaxRetries = settings.MaxRetries;
                options.Retry.Delay = settings.RetryDelay;
                options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
                options.Retry.NetworkTimeout = settings.NetworkTimeout;
            });
            clients.UseCredential(new Azure.Identity.DefaultAzureCredential());
        });
        services.AddSingleton<IDatasetStore>(sp => new FailureDescribingStore(new BlobDatasetStore(sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(settings.Container))));
        return services;
    }
}
