namespace AiEnergyPipeline.Hosting;

/// <summary>Where the pipeline's spans and metrics go (setting <c>Telemetry__Exporter</c>).</summary>
public enum TelemetryExporter
{
    /// <summary>Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set, else OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, else nowhere.</summary>
    Auto,

    /// <summary>Nowhere: spans and instruments cost nothing.</summary>
    None,

    /// <summary>Standard output, as text (the CLI's <c>--telemetry console</c>).</summary>
    Console,

    /// <summary>OTLP to OTEL_EXPORTER_OTLP_ENDPOINT (default http://localhost:4317, gRPC), such as a local OpenTelemetry Collector or Aspire dashboard.</summary>
    Otlp,

    /// <summary>Application Insights, at APPLICATIONINSIGHTS_CONNECTION_STRING, with Entra ID (the managed identity) when APPLICATIONINSIGHTS_AUTHENTICATION_STRING says Authorization=AAD.</summary>
    AzureMonitor,
}
