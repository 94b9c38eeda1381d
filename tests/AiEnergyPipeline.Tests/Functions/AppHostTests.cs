using AiEnergyPipeline.Functions;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tests.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using System.Reflection;

namespace AiEnergyPipeline.Tests.Functions;

/// <summary>
/// The app's real composition root (Program calls <see cref="AppHost"/>), built as the host starts it,
/// with the sample settings: the container validates on build and scopes, and every function class
/// is made from it in a scope, as the worker makes one per invocation.
/// </summary>
public class AppHostTests
{
    /// <summary>Every class with a [Function] method: what the worker activates.</summary>
    internal static IReadOnlyList<Type> FunctionClasses() =>
        [.. typeof(AppHost).Assembly.GetTypes().Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static).Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))];

    private static Microsoft.Azure.Functions.Worker.Builder.FunctionsApplicationBuilder SampleBuilder()
    {
        var builder = AppHost.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(SettingsSample.Values().ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value));
        return builder;
    }

    [Fact]
    public void Build_SampleSettings_ResolvesEveryFunctionClassInAScope()
    {
        using var host = AppHost.Compose(SampleBuilder()).Build();
        using var scope = host.Services.CreateScope();

        var classes = FunctionClasses();

        Assert.Equal(11, classes.Count);
        Assert.All(classes, type => Assert.IsType(type, ActivatorUtilities.CreateInstance(scope.ServiceProvider, type)));
    }

    [Fact]
    public void Build_AzureMonitorTelemetry_RegistersOpenTelemetryWithTheWorkerDefaults()
    {
        var builder = SampleBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:Exporter"] = "AzureMonitor",
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/",
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "ClientId=5d1e8f3c-4b2a-4c6e-9f1a-2b3c4d5e6f70;Authorization=AAD",
        });

        using var host = AppHost.Compose(builder).Build();

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
        // The worker exports its own telemetry, logs included: the host is told to stop sending them for it.
        Assert.Equal(bool.TrueString, host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Capabilities["WorkerOpenTelemetryEnabled"]);
    }

    [Fact]
    public void Build_SampleSettings_LeavesTheWorkersLogsToTheHost()
    {
        using var host = AppHost.Compose(SampleBuilder()).Build();

        // No exporter (Auto without a connection string or endpoint): the host keeps sending the logs the alerts read.
        Assert.False(host.Services.GetRequiredService<IOptions<WorkerOptions>>().Value.Capabilities.ContainsKey("WorkerOpenTelemetryEnabled"));
    }

    [Fact]
    public void Build_SampleSettings_PassesTheStartupCheckFirst()
    {
        var error = new StringWriter();

        var exitCode = StartupSettings.Check(SampleBuilder().Configuration, error);

        Assert.Null(exitCode);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void Build_ARegistrationMissing_FailsAtBuildNotAtFirstUse()
    {
        var builder = AppHost.Compose(SampleBuilder());
        builder.Services.RemoveAll<IDatasetStore>();

        var error = Assert.Throws<AggregateException>(() => builder.Build());

        Assert.Contains(nameof(IDatasetStore), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ASingletonHoldingAScopedService_FailsAtBuild()
    {
        var builder = AppHost.Compose(SampleBuilder());
        builder.Services.AddScoped<ScopedProbe>();
        builder.Services.AddSingleton<SingletonProbe>();

        var error = Assert.Throws<AggregateException>(() => builder.Build());

        Assert.Contains("scoped", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FunctionClasses_EveryOne_IsIndexedInFunctionsMetadata()
    {
        var entryPoints = FunctionsMetadata.EntryPoints();

        var methods = FunctionClasses()
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToDictionary(m => m.GetCustomAttribute<FunctionAttribute>()!.Name, m => $"{m.DeclaringType!.FullName}.{m.Name}");

        Assert.Equal(methods.OrderBy(p => p.Key, StringComparer.Ordinal), entryPoints.OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
