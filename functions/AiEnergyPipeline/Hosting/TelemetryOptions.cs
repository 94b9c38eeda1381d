namespace AiEnergyPipeline.Hosting;

/// <summary>Settings of the pipeline's OpenTelemetry traces and metrics (section <c>Telemetry</c>; docs/telemetry.md).</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public TelemetryExporter Exporter { get; set; } = TelemetryExporter.Auto;
}
