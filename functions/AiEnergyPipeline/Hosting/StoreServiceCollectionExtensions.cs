using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Hosting.Validation.Rules;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Hosting;

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
            // Trimmed and any case, as the settings rules accept them: a value that passed them must work here.
            var builder = Settings.ValueOrNull(settings.ConnectionString)?.Trim() is { Length: > 0 } connection
                ? clients.AddBlobServiceClient(connection)
                : clients.AddBlobServiceClient(Uri.TryCreate(settings.ServiceUri?.Trim(), UriKind.Absolute, out var uri)
                    ? uri
                    : throw new InvalidOperationException($"{PublishedStorageOptions.Section}:ServiceUri '{settings.ServiceUri}' is not an absolute URI such as https://account.blob.core.windows.net."));
            if (Settings.ValueOrNull(settings.ServiceVersion)?.Trim() is { Length: > 0 } version)
            {
                builder.WithVersion(Enum.TryParse<BlobClientOptions.ServiceVersion>(version, ignoreCase: true, out var pinned)
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
