using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Hosting.Validation.Rules;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Vocabulary;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Hosting;

/// <summary>The fan-out of ingest runs: the partitioned ingest, its coordinator, and the storage queue when one is configured.</summary>
public static class FanOutRegistration
{
    public static IServiceCollection AddIngestFanOut(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section)).ValidateSettings<IngestOptions, IngestSettingsRules>();
        services.AddOptions<IngestQueueOptions>().Bind(configuration.GetSection(IngestQueueOptions.Section)).ValidateSettings<IngestQueueOptions, IngestQueueSettingsRules>();
        services.AddSingleton(new IngestSchedule(configuration[IngestSchedule.Setting]));
        services.AddSingleton<FanOutWorkState>();
        services.AddTransient<FailedPlanRecorder>();
        services.AddTransient<FanOutCoordinator>();
        services.AddTransient<IngestRunner>();
        services.AddSingleton<IIngestQueue>(_ => CreateQueue(configuration));
        return services;
    }

    /// <summary>The queue client of <c>IngestQueue</c>: a connection string in the setting itself, or the queue service URI with the app's identity.</summary>
    public static AzureStorageIngestQueue CreateQueue(IConfiguration configuration)
    {
        var section = configuration.GetSection(IngestQueueOptions.Section);
        var settings = section.Get<IngestQueueOptions>() ?? new IngestQueueOptions();
        var name = Settings.ValueOrNull(configuration[IngestQueueOptions.QueueNameSetting]) ?? IngestQueueOptions.DefaultQueueName;
        // Trimmed and any case, as the settings rules accept them: a value that passed them must work here.
        var options = Settings.ValueOrNull(settings.ServiceVersion)?.Trim() is { } version ? new QueueClientOptions(ParseVersion(version)) : new QueueClientOptions();
        options.MessageEncoding = QueueMessageEncoding.Base64;
        if (Settings.ValueOrNull(section.Value)?.Trim() is { } connection)
        {
            return new AzureStorageIngestQueue(new QueueClient(connection, name, options));
        }

        if (Settings.ValueOrNull(settings.QueueServiceUri)?.Trim() is { } serviceUri)
        {
            var uri = Uri.TryCreate(serviceUri, UriKind.Absolute, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{IngestQueueOptions.Section}:queueServiceUri '{serviceUri}' is not an absolute URI such as https://account.queue.core.windows.net.");
            return new AzureStorageIngestQueue(new QueueClient(new Uri(uri.AbsoluteUri.TrimEnd('/') + "/" + name), new Azure.Identity.DefaultAzureCredential(), options));
        }

        throw new InvalidOperationException($"Ingest fan-out on a queue needs the queue: set {IngestQueueOptions.Section} (a connection string) or {IngestQueueOptions.Section}__queueServiceUri (managed identity).");
    }

    private static QueueClientOptions.ServiceVersion ParseVersion(string value) =>
        Enum.TryParse<QueueClientOptions.ServiceVersion>(value, ignoreCase: true, out var pinned)
            ? pinned
            : throw new InvalidOperationException($"{IngestQueueOptions.Section}:ServiceVersion '{value}' is not a queue service version this client knows, such as V2025_11_05.");

    /// <summary>For the queue-triggered function: how many deliveries before the poison queue.</summary>
    public static Delivery DeliveryOf(string messageId, long dequeueCount, IOptions<IngestOptions> options) =>
        new(dequeueCount, dequeueCount >= options.Value.MaxDequeueCount, messageId);
}
