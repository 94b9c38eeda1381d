using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Hosting.Validation.Rules;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Hosting;

/// <summary>
/// What registering a source needs: its options (bound from configuration, then from the
/// snapshot's settings when offline) and a typed HTTP client behind the standard resilience
/// handler, answered by the snapshot when offline. Each source adds itself with an extension
/// method on this class, in a file of its own.
/// </summary>
public sealed class SourceSetup
{
    private readonly IConfiguration? _snapshotSettings;

    public SourceSetup(IServiceCollection services, IConfiguration configuration)
    {
        Services = services;
        Configuration = configuration;
        // The mode decides what is registered, so it is checked now, before the container exists.
        var mode = StartupValidation.Bind(configuration, PipelineOptions.Section, new PipelineSettingsRules()).Mode;
        Snapshot = mode == SourceMode.Snapshot ? LoadSnapshot(configuration) : null;
        _snapshotSettings = Snapshot is null ? null : new ConfigurationBuilder().AddInMemoryCollection(Snapshot.Settings.Select(p => KeyValuePair.Create(p.Key, (string?)p.Value))).Build();
        services.AddSingleton(new Publish.ConfiguredRunMode(Snapshot?.Mode ?? RunMode.Live));
        services.AddSingleton(new SampleCatalogue(Snapshot));
    }

    /// <summary>The snapshot the settings name; an index that cannot be read is a bad setting: one line naming it, not a stack trace.</summary>
    private static Snapshot LoadSnapshot(IConfiguration configuration)
    {
        var key = $"{PipelineOptions.Section}:{nameof(PipelineOptions.SnapshotPath)}";
        var path = Settings.ValueOrNull(configuration[key]);
        try
        {
            return Snapshot.Load(path ?? Snapshot.DefaultRoot);
        }
        catch (InvalidDataException e)
        {
            var cause = e.Message.Split('\n', 2)[0].Trim();
            throw new SettingsException(path is null
                ? $"the bundled snapshot is damaged: {cause}"
                : $"{key.Replace(":", "__", StringComparison.Ordinal)} is '{path}': must be an existing folder that holds a snapshot whose snapshot.json reads ({cause.TrimEnd('.')}).", e);
        }
    }

    public IServiceCollection Services { get; }
    public IConfiguration Configuration { get; }

    /// <summary>The bundled snapshot when running offline, else null.</summary>
    public Snapshot? Snapshot { get; }

    /// <summary>Options bound from <paramref name="section"/>, with the snapshot's settings on top when offline.</summary>
    public OptionsBuilder<TOptions> AddOptions<TOptions>(string section)
        where TOptions : class
    {
        // The values as set, without the snapshot's on top: validated at start-up too, so that a
        // bad value is reported in an offline run as well, where the snapshot would hide it.
        Services.AddOptions<TOptions>(StartupValidation.AsSetName).Bind(Configuration.GetSection(section)).ValidateOnStart();
        return Services.AddOptions<TOptions>()
            .Bind(Configuration.GetSection(section))
            .PostConfigure(o => _snapshotSettings?.GetSection(section).Bind(o));
    }

    /// <summary>Registers a source with its typed HTTP client; sources run in the order they are added.</summary>
    public SourceSetup AddSource<TSource>()
        where TSource : class, ISource
    {
        var client = Services.AddHttpClient<TSource>(http => http.Timeout = Timeout.InfiniteTimeSpan);
        if (Snapshot is { } snapshot)
        {
            client.ConfigurePrimaryHttpMessageHandler(() => new SnapshotHttpMessageHandler(snapshot));
        }

        // Outside the resilience handler, so that a body cut off or stalled is retried whole.
        client.AddHttpMessageHandler(sp => ActivatorUtilities.CreateInstance<WholeBodyRetryHandler>(sp));
        // Configured on the handler itself: its options are named "{client}-standard", not after the client.
        client.AddStandardResilienceHandler().Configure((resilience, services) =>
        {
            var settings = services.GetRequiredService<IOptions<SourceHttpOptions>>().Value;
            resilience.Retry.MaxRetryAttempts = settings.MaxRetries;
            resilience.Retry.Delay = settings.RetryDelay;
            resilience.Retry.UseJitter = true;
            var retryLogger = services.GetRequiredService<ILoggerFactory>().CreateLogger(RetryLog.Category);
            var redactor = services.GetService<SecretRedactor>();
            resilience.Retry.OnRetry = retry => RetryLog.OnRetry(retry, retryLogger, redactor, settings.MaxRetries);
            resilience.AttemptTimeout.Timeout = settings.AttemptTimeout;
            resilience.TotalRequestTimeout.Timeout = settings.TotalTimeout;
            // The breaker's window must be at least twice the attempt time-out.
            resilience.CircuitBreaker.SamplingDuration = settings.AttemptTimeout * 2;
        });
        Services.AddTransient<ISource>(sp => sp.GetRequiredService<TSource>());
        if (typeof(TSource).IsAssignableTo(typeof(IPartitionedSource)))
        {
            // A partition's processor resolves only these: not every source's client and pipeline, for one file.
            Services.AddTransient(sp => (IPartitionedSource)sp.GetRequiredService<TSource>());
        }

        return this;
    }
}
