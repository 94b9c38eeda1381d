using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Sources.Eia930;
using Microsoft.Extensions.Configuration;

namespace AiEnergyPipeline.Hosting.Validation;

/// <summary>
/// The settings outside any section (<c>INGEST_SCHEDULE</c>, <c>EIA_API_KEY</c>, ...), gathered
/// as options so that they are validated with the rest at start-up.
/// </summary>
public sealed class RootSettings
{
    public const string IngestScheduleSetting = "INGEST_SCHEDULE";
    public const string SweepScheduleSetting = "SWEEP_SCHEDULE";
    public const string IngestQueueNameSetting = "INGEST_QUEUE_NAME";
    public const string IngestQueueSetting = "IngestQueue";
    public const string EiaApiKeySetting = Eia930ApiOptions.ApiKeySetting;
    public const string WebJobsStorageSetting = "AzureWebJobsStorage";
    public const string WorkerRuntimeSetting = "FUNCTIONS_WORKER_RUNTIME";
    public const string ApplicationInsightsConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string ApplicationInsightsAuthenticationSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>host.json's queues.maxDequeueCount as an app setting overrides it (AzureFunctionsJobHost__extensions__queues__maxDequeueCount).</summary>
    public const string HostMaxDequeueCountSetting = "AzureFunctionsJobHost:extensions:queues:maxDequeueCount";

    public string? IngestSchedule { get; set; }

    public string? SweepSchedule { get; set; }

    public string? IngestQueueName { get; set; }

    /// <summary>The ingest queue's connection string: the value of the section <c>IngestQueue</c> itself.</summary>
    public string? IngestQueue { get; set; }

    public string? EiaApiKey { get; set; }

    /// <summary>Read by the Functions host, not by this app: checked so that a typo fails at start-up with the rest.</summary>
    public string? WebJobsStorage { get; set; }

    public string? WorkerRuntime { get; set; }

    /// <summary>Where Telemetry__Exporter=AzureMonitor (or Auto) sends: the Application Insights resource's connection string.</summary>
    public string? ApplicationInsightsConnectionString { get; set; }

    /// <summary><c>Authorization=AAD</c> (with <c>ClientId=</c> a user-assigned identity's client id): Entra ID authentication of the Azure Monitor exporter.</summary>
    public string? ApplicationInsightsAuthentication { get; set; }

    /// <summary>Where Telemetry__Exporter=Otlp (or Auto) sends; the OTLP exporter reads it itself.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>An override of host.json's deliveries before the poison queue, which the app must count to the same last delivery.</summary>
    public string? HostMaxDequeueCount { get; set; }

    /// <summary>The deliveries the app counts (Ingest:MaxDequeueCount, validated with its section; its default where it is not a number).</summary>
    public int IngestMaxDequeueCount { get; set; } = new IngestOptions().MaxDequeueCount;

    public void Read(IConfiguration configuration)
    {
        HostMaxDequeueCount = configuration[HostMaxDequeueCountSetting];
        if (int.TryParse(configuration[$"{IngestOptions.Section}:{nameof(IngestOptions.MaxDequeueCount)}"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var counted))
        {
            IngestMaxDequeueCount = counted;
        }

        IngestSchedule = configuration[IngestScheduleSetting];
        SweepSchedule = configuration[SweepScheduleSetting];
        IngestQueueName = configuration[IngestQueueNameSetting];
        IngestQueue = configuration[IngestQueueSetting];
        EiaApiKey = configuration[EiaApiKeySetting];
        WebJobsStorage = configuration[WebJobsStorageSetting];
        WorkerRuntime = configuration[WorkerRuntimeSetting];
        ApplicationInsightsConnectionString = configuration[ApplicationInsightsConnectionStringSetting];
        ApplicationInsightsAuthentication = configuration[ApplicationInsightsAuthenticationSetting];
        OtlpEndpoint = configuration[OtlpEndpointSetting];
    }
}
