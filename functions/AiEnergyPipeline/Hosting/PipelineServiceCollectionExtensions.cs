using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Normalise;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Hosting;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The setting that holds the EIA API key.</summary>
    public const string EiaApiKeySetting = "EIA_API_KEY";

    /// <summary>The whole pipeline: sources, normalisers, publisher and the services that read what it published.</summary>
    public static IServiceCollection AddAiEnergyPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section));
        services.AddSingleton(new SecretRedactor([configuration[EiaApiKeySetting]]));
        services.AddPublishedStore(configuration);
        services.AddSources(configuration);
        services.AddSingleton<INormaliser, Eia930Normaliser>();
        services.AddSingleton<RunPublisher>();
        services.AddTransient<IngestPipeline>();
        services.AddSingleton<PublishedDatasets>();
        return services;
    }

    /// <summary>One typed HTTP client per source, behind the standard resilience handler, reading the snapshot when offline.</summary>
    public static IServiceCollection AddSources(this IServiceCollection services, IConfiguration configuration)
    {
        var mode = configuration.GetSection(PipelineOptions.Section).Get<PipelineOptions>()?.Mode ?? SourceMode.Live;
        var snapshot = mode == SourceMode.Snapshot
            ? Snapshot.Load(Settings.ValueOrNull(configuration[$"{PipelineOptions.Section}:{nameof(PipelineOptions.SnapshotPath)}"]) ?? Snapshot.DefaultRoot)
            : null;
        var snapshotSettings = snapshot is null ? null : new ConfigurationBuilder().AddInMemoryCollection(snapshot.Index.Settings!).Build();

        services.AddOptions<SourceHttpOptions>().Bind(configuration.GetSection(SourceHttpOptions.Section));
        services.AddOptions<Eia930ApiOptions>()
            .Bind(configuration.GetSection(Eia930ApiOptions.Section))
            .Configure(o => o.ApiKey = Settings.ValueOrNull(o.ApiKey) ?? configuration[EiaApiKeySetting])
            .PostConfigure(o => snapshotSettings?.GetSection(Eia930ApiOptions.Section).Bind(o));
        services.AddOptions<Eia930BulkOptions>()
            .Bind(configuration.GetSection(Eia930BulkOptions.Section))
            .PostConfigure(o => snapshotSettings?.GetSection(Eia930BulkOptions.Section).Bind(o));

        // Order matters: bulk first, so that the normaliser knows which hours the API need not fill.
        services.AddSourceClient<Eia930BulkSource>(snapshot);
        services.AddSourceClient<Eia930ApiSource>(snapshot);
        services.AddTransient<ISource>(sp => sp.GetRequiredService<Eia930BulkSource>());
        services.AddTransient<ISource>(sp => sp.GetRequiredService<Eia930ApiSource>());
        return services;
    }

    private static void AddSourceClient<TSource>(this IServiceCollection services, Snapshot? snapshot)
        where TSource : class, ISource
    {
        var client = services.AddHttpClient<TSource>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        if (snapshot is not null)
        {
            client.ConfigurePrimaryHttpMessageHandler(() => new SnapshotHttpMessageHandler(snapshot));
        }

        client.AddStandardResilienceHandler();
        services.AddOptions<HttpStandardResilienceOptions>(client.Name)
            .Configure<IOptions<SourceHttpOptions>>((resilience, source) =>
            {
                var settings = source.Value;
                resilience.Retry.MaxRetryAttempts = settings.MaxRetries;
                resilience.Retry.Delay = settings.RetryDelay;
                resilience.Retry.UseJitter = true;
                resilience.AttemptTimeout.Timeout = settings.AttemptTimeout;
                resilience.TotalRequestTimeout.Timeout = settings.TotalTimeout;
                // The breaker's window must be at least twice the attempt time-out.
                resilience.CircuitBreaker.SamplingDuration = settings.AttemptTimeout * 2;
            });
    }
}
