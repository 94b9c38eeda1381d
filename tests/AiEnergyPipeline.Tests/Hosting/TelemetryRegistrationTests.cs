using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Hosting.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace AiEnergyPipeline.Tests.Hosting;

public class TelemetryRegistrationTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Theory]
    [InlineData("", "", TelemetryExporter.None)]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000", "", TelemetryExporter.AzureMonitor)]
    [InlineData("", "http://localhost:4317", TelemetryExporter.Otlp)]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000000", "http://localhost:4317", TelemetryExporter.AzureMonitor)]
    public void ChosenExporter_Auto_IsAzureMonitorThenOtlpThenNone(string connectionString, string otlpEndpoint, TelemetryExporter expected)
    {
        var configuration = Settings(("APPLICATIONINSIGHTS_CONNECTION_STRING", connectionString), ("OTEL_EXPORTER_OTLP_ENDPOINT", otlpEndpoint));

        Assert.Equal(expected, TelemetryRegistration.ChosenExporter(configuration));
    }

    [Fact]
    public void ChosenExporter_TheCommandLinesChoice_WinsOverTheSetting()
    {
        var configuration = Settings(("Telemetry:Exporter", "Otlp"));

        Assert.Equal(TelemetryExporter.Console, TelemetryRegistration.ChosenExporter(configuration, TelemetryExporter.Console));
    }

    [Fact]
    public void AddPipelineTelemetry_AzureMonitorWithoutAConnectionString_IsOneLineNamingBoth()
    {
        var error = Assert.Throws<SettingsException>(() => new ServiceCollection().AddPipelineTelemetry(Settings(("Telemetry:Exporter", "AzureMonitor"))));

        Assert.Equal("Telemetry__Exporter is AzureMonitor, but APPLICATIONINSIGHTS_CONNECTION_STRING is not set: must be Auto, None, Console, Otlp, or AzureMonitor with APPLICATIONINSIGHTS_CONNECTION_STRING set.", error.Message);
    }

    [Fact]
    public void AddPipelineTelemetry_Console_RegistersTheTracerAndMeterProviders()
    {
        var configuration = Settings(("Telemetry:Exporter", "Console"), ("PublishedStorage:Path", Path.GetTempPath()));
        using var services = new ServiceCollection().AddLogging().AddAiEnergyPipeline(configuration).AddPipelineTelemetry(configuration).Services.BuildServiceProvider();

        TelemetryRegistration.Start(services);

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    [Theory]
    [InlineData("Authorization=AAD", null)]
    [InlineData("ClientId=5d1e8f3c-4b2a-4c6e-9f1a-2b3c4d5e6f70;Authorization=AAD", "5d1e8f3c-4b2a-4c6e-9f1a-2b3c4d5e6f70")]
    [InlineData(" authorization = aad ; clientid = 5d1e8f3c-4b2a-4c6e-9f1a-2b3c4d5e6f70 ", "5d1e8f3c-4b2a-4c6e-9f1a-2b3c4d5e6f70")]
    public void ApplicationInsightsAuthentication_Aad_IsParsedWithItsClientId(string text, string? clientId)
    {
        var parsed = ApplicationInsightsAuthentication.Parse(text);

        Assert.NotNull(parsed);
        Assert.Equal(clientId, parsed.ClientId);
    }

    [Theory]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=me;Authorization=AAD")]
    [InlineData("Authorization=AAD;Secret=x")]
    [InlineData("AAD")]
    public void ApplicationInsightsAuthentication_AnythingElse_IsNotValid(string text)
    {
        Assert.Null(ApplicationInsightsAuthentication.Parse(text));
    }
}
