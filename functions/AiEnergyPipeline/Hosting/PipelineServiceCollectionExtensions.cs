using AiEnergyPipeline.Dashboard;
using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Gap;
using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Hosting.Validation.Rules;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.Recording;
using AiEnergyPipeline.Pipeline.Sweep;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AiEnergyPipeline.Hosting;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The setting that holds the EIA API key.</summary>
    public const string EiaApiKeySetting = Eia930ApiOptions.ApiKeySetting;

    /// <summary>The whole pipeline: sources, normalisers, publisher and the services that read what it published.</summary>
    public static IServiceCollection AddAiEnergyPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSourcesWithTheirNeeds(configuration);
        services.AddPublishedStore(configuration);
        // The instruments and gauges (docs/telemetry.md); an app adds exporters with AddPipelineTelemetry.
        services.AddMetrics();
        services.TryAddSingleton<PipelineMetrics>();
        services.TryAddSingleton<FreshnessGauges>();
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.Section)).ValidateSettings<TelemetryOptions, TelemetrySettingsRules>();
        services.AddSingleton<IRunPage, RunPage>();
        services.AddSingleton<RunPublisher>();
        services.AddSingleton<GapStage>();
        services.AddOptions<CompletionLearningOptions>().Bind(configuration.GetSection(CompletionLearningOptions.Section)).ValidateSettings<CompletionLearningOptions, CompletionLearningSettingsRules>();
        services.AddTransient<FailedRunRecorder>();
        services.AddTransient<IngestRunReports>();
        services.AddTransient<IngestPlanner>();
        services.AddTransient<PartitionProcessor>();
        services.AddTransient<ProcessedPartitionsReader>();
        services.AddTransient<SourceFetcher>();
        services.AddTransient<SourceHistoryRecorder>();
        services.AddTransient<IngestCompletion>();
        services.AddTransient<IngestPipeline>();
        services.AddTransient<IPartitionedIngest>(sp => sp.GetRequiredService<IngestPipeline>());
        services.AddSingleton<PublishedDatasets>();
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection(HealthOptions.Section)).ValidateSettings<HealthOptions, HealthSettingsRules>();
        services.AddTransient<DataHealth>();
        services.AddTransient<RecomputePipeline>();
        services.AddSingleton<Recompute.RecomputeLimitsLoader>();
        services.AddTransient<RecomputeEntry>();
        services.AddSingleton<PublishedGap>();
        services.AddOptions<Pipeline.Sweep.SweepOptions>().Bind(configuration.GetSection(Pipeline.Sweep.SweepOptions.Section)).ValidateSettings<Pipeline.Sweep.SweepOptions, SweepSettingsRules>();
        services.AddTransient<Pipeline.Sweep.StoreSweeper>();
        services.AddIngestFanOut(configuration);
        return services;
    }

    /// <summary>The sources and what they need (clock, pipeline settings, secrets), without a store: enough to list or fetch them.</summary>
    public static IServiceCollection AddSourcesWithTheirNeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section)).ValidateSettings<PipelineOptions, PipelineSettingsRules>();
        services.AddOptions<RootSettings>().Configure(o => o.Read(configuration)).ValidateSettings<RootSettings, RootSettingsRules>();
        // Every setting a key can come from: the EIA key is read from Sources:Eia930Api:ApiKey first, then EIA_API_KEY.
        services.AddSingleton(new SecretRedactor([
            configuration[EiaApiKeySetting],
            configuration[$"{Sources.Eia930.Eia930ApiOptions.Section}:{nameof(Sources.Eia930.Eia930ApiOptions.ApiKey)}"],
            configuration[Sources.Queues.QueuesOptions.PjmSubscriptionKeySetting],
        ]));
        // The recorder keeps the source settings given: it reads them from this configuration.
        services.AddTransient(sp => ActivatorUtilities.CreateInstance<Pipeline.Recording.SnapshotRecorder>(sp, configuration));
        return services.AddSources(configuration);
    }

    /// <summary>Every source with its normaliser, in the order they run.</summary>
    public static IServiceCollection AddSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourceHttpOptions>().Bind(configuration.GetSection(SourceHttpOptions.Section)).ValidateSettings<SourceHttpOptions, SourceHttpSettingsRules>();
        services.AddOptions<SourceLimitsOptions>().Bind(configuration.GetSection(SourceLimitsOptions.Section)).ValidateSettings<SourceLimitsOptions, SourceLimitsSettingsRules>();
        services.AddOptions<Tables.ParquetOutputOptions>().Bind(configuration.GetSection(Tables.ParquetOutputOptions.Section)).ValidateSettings<Tables.ParquetOutputOptions, ParquetSettingsRules>();
        new SourceSetup(services, configuration)
            .AddEia930()
            .AddEia860m()
            .AddQueues()
            .AddEmber()
            .AddCurated();
        return services;
    }
}
