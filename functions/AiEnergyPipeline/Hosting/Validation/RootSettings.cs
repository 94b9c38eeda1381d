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

    public void Read(IConfiguration configuration)
    {
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
