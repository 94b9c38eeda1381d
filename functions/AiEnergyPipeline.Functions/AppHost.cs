using AiEnergyPipeline.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AiEnergyPipeline.Functions;

/// <summary>
/// The app's composition root, out of Program so that tests build the very host the Functions host
/// starts (they cannot run the Functions host itself). Telemetry (OpenTelemetry, docs/telemetry.md)
/// is composed in <see cref="Compose"/>, beside the pipeline, so that the same tests build it too.
/// </summary>
public static class AppHost
{
    /// <summary>The worker's builder as the Functions host starts it: ASP.NET Core integration for the HTTP triggers.</summary>
    public static FunctionsApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        return builder;
    }

    /// <summary>
    /// Every registration the app runs with. The container checks, when it is built, that every
    /// service can be made and that no singleton holds a scoped one, in production as in the tests:
    /// a missing registration stops the worker at start-up, not in the first function that needs it.
    /// </summary>
    public static FunctionsApplicationBuilder Compose(FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAiEnergyPipeline(builder.Configuration);
        var telemetry = builder.Services.AddPipelineTelemetry(builder.Configuration, exportLogs: true);
        if (TelemetryRegistration.ChosenExporter(builder.Configuration) is TelemetryExporter.AzureMonitor or TelemetryExporter.Otlp)
        {
            // The Functions resource (cloud role, region) on every span, and the worker's invocation
            // spans; it also tells the host to stop sending the worker's logs, which the worker then
            // exports itself (exportLogs), to the same `traces` table the alerts query.
            telemetry.UseFunctionsWorkerDefaults();
        }

        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder;
    }
}
