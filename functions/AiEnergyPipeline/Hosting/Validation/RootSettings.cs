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

    public string? IngestSchedule { get; set; }

    public string? SweepSchedule { get; set; }

    public string? IngestQueueName { get; set; }

    /// <summary>The ingest queue's connection string: the value of the section <c>IngestQueue</c> itself.</summary>
    public string? IngestQueue { get; set; }

    public string? EiaApiKey { get; set; }

    /// <summary>Read by the Functions host, not by this app: checked so that a typo fails at start-up with the rest.</summary>
    public string? WebJobsStorage { get; set; }

    public string? WorkerRuntime { get; set; }

    public void Read(IConfiguration configuration)
    {
        IngestSchedule = configuration[IngestScheduleSetting];
        SweepSchedule = configuration[SweepScheduleSetting];
        IngestQueueName = configuration[IngestQueueNameSetting];
        IngestQueue = configuration[IngestQueueSetting];
        EiaApiKey = configuration[EiaApiKeySetting];
        WebJobsStorage = configuration[WebJobsStorageSetting];
        WorkerRuntime = configuration[WorkerRuntimeSetting];
    }
}
