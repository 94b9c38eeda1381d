using AiEnergyPipeline.Storage;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
}

public static class StoreServiceCollectionExtensions
{
    /// <summary>The published store: a folder, or a blob container reached by connection string or managed identity.</summary>
    public static IServiceCollection AddPublishedStore(this IServiceCollection services, IConfiguration configuration)
    {
        // The store decides what is registered, so its settings are checked now, before the container exists.
        var settings = StartupValidation.Bind(configuration, PublishedStorageOptions.Section, new PublishedStorageSettingsRules());
        services.AddOptions<PublishedStorageOptions>().Bind(configuration.GetSection(PublishedStorageOptions.Section)).ValidateSettings<PublishedStorageOptions, PublishedStorageSettingsRules>();
        if (!string.IsNullOrWhiteSpace(settings.Path))
        {
            services.AddSingleton<IDatasetStore>(new FileSystemDatasetStore(settings.Path));
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

            builder.ConfigureOptions(options => options.Retry.NetworkTimeout = TimeSpan.FromMinutes(5));
            clients.UseCredential(new Azure.Identity.DefaultAzureCredential());
        });
        services.AddSingleton<IDatasetStore>(sp => new BlobDatasetStore(sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(settings.Container)));
        return services;
    }
}
