using AiEnergyPipeline.Hosting.Validation;
using AiEnergyPipeline.Hosting.Validation.Rules;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Vocabulary;
using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AiEnergyPipeline.Hosting;

/// <summary>
/// OpenTelemetry for the apps: the pipeline's ActivitySource and Meter (<see cref="PipelineTelemetry.Name"/>),
/// the data-age gauges, and the exporter the settings choose (<see cref="TelemetryExporter"/>). Logs
/// are left where they go already (the Functions host's Application Insights logging, which the
/// alerts query; the CLI's console), with the run's ids in their scope.
/// </summary>
public static class TelemetryRegistration
{
    /// <summary>service.name of everything the pipeline exports (the cloud role name in Application Insights).</summary>
    public const string ServiceName = "aienergy-pipeline";

    /// <summary>
    /// Registers the providers (a host starts them; a plain container starts them with <see cref="Start"/>)
    /// and returns the builder, for the Functions app's worker defaults.
    /// </summary>
    /// <param name="exporter">The CLI's <c>--telemetry</c>, over the setting Telemetry__Exporter; null: the setting.</param>
    /// <param name="exportLogs">
    /// Also export the logs, with their scopes (the run's ids) as attributes: for the Functions app, whose
    /// host stops sending the worker's logs once the worker says it exports its own telemetry.
    /// </param>
    /// <exception cref="SettingsException">A telemetry setting is invalid; the message is one line.</exception>
    public static IOpenTelemetryBuilder AddPipelineTelemetry(this IServiceCollection services, IConfiguration configuration, TelemetryExporter? exporter = null, bool exportLogs = false)
    {
        var (chosen, root) = Choose(configuration, exporter);
        var builder = services.AddOpenTelemetry();
        if (chosen == TelemetryExporter.None)
        {
            return builder;
        }

        var version = typeof(TelemetryRegistration).Assembly.GetName().Version?.ToString();
        builder.ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: version))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PipelineTelemetry.Name);
                _ = chosen switch
                {
                    TelemetryExporter.Console => tracing.AddConsoleExporter(),
                    TelemetryExporter.Otlp => tracing.AddOtlpExporter(),
                    _ => tracing.AddAzureMonitorTraceExporter(o => Configure(o, root)),
                };
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PipelineTelemetry.Name);
                // Made with the provider, so that the gauges exist before the first run on this instance.
                metrics.AddInstrumentation(sp => sp.GetRequiredService<FreshnessGauges>());
                _ = chosen switch
                {
                    TelemetryExporter.Console => metrics.AddConsoleExporter(),
                    TelemetryExporter.Otlp => metrics.AddOtlpExporter(),
                    _ => metrics.AddAzureMonitorMetricExporter(o => Configure(o, root)),
                };
            });
        if (exportLogs)
        {
            builder.WithLogging(
                logging => _ = chosen switch
                {
                    TelemetryExporter.Console => logging.AddConsoleExporter(),
                    TelemetryExporter.Otlp => logging.AddOtlpExporter(),
                    _ => logging.AddAzureMonitorLogExporter(o => Configure(o, root)),
                },
                // The alerts match the formatted text of log lines (infra/modules/alerts.bicep).
                options =>
                {
                    options.IncludeScopes = true;
                    options.IncludeFormattedMessage = true;
                });
        }

        return builder;
    }

    /// <summary>The exporter the settings (or <paramref name="exporter"/>) choose, Auto resolved.</summary>
    /// <exception cref="SettingsException">A telemetry setting is invalid; the message is one line.</exception>
    public static TelemetryExporter ChosenExporter(IConfiguration configuration, TelemetryExporter? exporter = null) => Choose(configuration, exporter).Exporter;

    private static (TelemetryExporter Exporter, RootSettings Root) Choose(IConfiguration configuration, TelemetryExporter? exporter)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = new RootSettings();
        root.Read(configuration);
        // The exporters read these settings as they are made, before the container's own check:
        // a bad one is said here, in the same line that check gives.
        if (new RootSettingsRules().Validate(null, root) is { Failed: true } failed)
        {
            throw new SettingsException(failed.Failures.First());
        }

        var options = StartupValidation.Bind(configuration, TelemetryOptions.Section, new TelemetrySettingsRules(Microsoft.Extensions.Options.Options.Create(root)));
        return (Resolve(exporter ?? options.Exporter, root), root);
    }

    /// <summary>Starts the providers in a container that no host starts (the CLI, tests): until resolved, nothing listens.</summary>
    public static void Start(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<TracerProvider>();
        services.GetService<MeterProvider>();
    }

    /// <summary>Auto: Azure Monitor where there is a connection string, else OTLP where there is an endpoint, else none.</summary>
    public static TelemetryExporter Resolve(TelemetryExporter exporter, RootSettings root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return exporter != TelemetryExporter.Auto ? exporter
            : Settings.ValueOrNull(root.ApplicationInsightsConnectionString) is not null ? TelemetryExporter.AzureMonitor
            : Settings.ValueOrNull(root.OtlpEndpoint) is not null ? TelemetryExporter.Otlp
            : TelemetryExporter.None;
    }

    private static void Configure(AzureMonitorExporterOptions options, RootSettings root)
    {
        options.ConnectionString = root.ApplicationInsightsConnectionString;
        if (Settings.ValueOrNull(root.ApplicationInsightsAuthentication) is { } text && ApplicationInsightsAuthentication.Parse(text) is { } authentication)
        {
            options.Credential = CredentialOf(authentication);
        }
    }

    /// <summary>The managed identity the setting names (user-assigned by client id), else the system-assigned one.</summary>
    private static TokenCredential CredentialOf(ApplicationInsightsAuthentication authentication) =>
        authentication.ClientId is { } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned);
}
