using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace AiEnergyPipeline.Cli;

/// <summary>Composes the pipeline for one command: environment variables, then the command's own options.</summary>
internal static class CliServices
{
    /// <summary>The whole pipeline, with the telemetry Telemetry__Exporter (or <c>--telemetry</c>) asks for.</summary>
    public static ServiceProvider Build(IDictionary<string, string?> settings)
    {
        var provider = Build(settings, (services, configuration) =>
        {
            services.AddAiEnergyPipeline(configuration);
            services.AddPipelineTelemetry(configuration);
        });
        // No host starts the providers here: until they are made, nothing listens to the spans.
        TelemetryRegistration.Start(provider);
        return provider;
    }

    /// <summary>
    /// For the commands that use only the sources (<c>sources</c>, <c>snapshot record</c>): the whole
    /// pipeline is composed all the same, so that they check every setting as the app does at start-up
    /// (a user checking an environment with <c>aienergy sources</c> must not get a pass the app would
    /// refuse). With no store configured, the default folder stands in; it is never written.
    /// </summary>
    public static ServiceProvider BuildSources(IDictionary<string, string?> settings)
    {
        var section = PublishedStorageOptions.Section;
        var configured = new ConfigurationBuilder().AddEnvironmentVariables().AddInMemoryCollection(settings).Build().GetSection(section);
        var withStore = new Dictionary<string, string?>(settings);
        if (new[] { nameof(PublishedStorageOptions.Path), nameof(PublishedStorageOptions.ConnectionString), nameof(PublishedStorageOptions.ServiceUri) }.All(key => string.IsNullOrWhiteSpace(configured[key])))
        {
            withStore[$"{section}:{nameof(PublishedStorageOptions.Path)}"] = Path.GetFullPath(StoreOptions.DefaultFolder);
        }

        return Build(withStore, (services, configuration) => services.AddAiEnergyPipeline(configuration));
    }

    private static ServiceProvider Build(IDictionary<string, string?> settings, Action<IServiceCollection, IConfiguration> add)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddConsole(console => console.FormatterName = ProgressFormatter.Name)
            .AddConsoleFormatter<ProgressFormatter, ConsoleFormatterOptions>()
            // Progress goes to standard error, so that standard output carries only results.
            .Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Information)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            // Each retry is said once, by the fetch layer's own line (Fetch/RetryLog.cs); the resilience
            // library's two lines a retry, and its error line for the last attempt, repeat it.
            .AddFilter("Polly", LogLevel.None)
            .AddFilter("Microsoft", LogLevel.Warning)
            // The blob SDK warns of every answer that is not a success, the 404s a run expects among
            // them, ten lines each: on the terminal only its errors show (a rule of the console's own,
            // so that it wins over the library's default). A store failure is said anyway, in one
            // line, by the command ("publish failed: cause").
            .AddFilter<ConsoleLoggerProvider>("Azure", LogLevel.Error));
        add(services, configuration);
        var provider = services.BuildServiceProvider();
        try
        {
            // Every setting up front: a bad one is one line and exit 2, before any work starts.
            StartupValidation.ThrowIfInvalid(provider);
            return provider;
        }
        catch (SettingsException)
        {
            provider.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The line that refuses a live fetch without an EIA API key, or null when there is one: checked
    /// before the first request, not after every other source has been downloaded (the API is fetched last).
    /// </summary>
    public static string? MissingApiKey(IServiceProvider services) =>
        services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Sources.Eia930.Eia930ApiOptions>>().Value.HasApiKey
            ? null
            : $"error: a live fetch needs an EIA API key: {Sources.Eia930.Eia930ApiOptions.MissingKeyAdvice}.";

    public static Dictionary<string, string?> ModeSettings(SourceMode mode) =>
        new() { [$"{PipelineOptions.Section}:{nameof(PipelineOptions.Mode)}"] = mode.ToString() };
}
