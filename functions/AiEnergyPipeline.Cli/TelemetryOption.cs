using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Hosting.Validation;
using System.CommandLine;

namespace AiEnergyPipeline.Cli;

/// <summary>
/// <c>--telemetry console|otlp|none</c> on the commands that run the pipeline: the same spans and
/// metrics as the Functions app exports (docs/telemetry.md), over the setting Telemetry__Exporter.
/// </summary>
internal sealed class TelemetryOption
{
    public Option<string?> Option { get; } = new("--telemetry")
    {
        Description = "Export the run's OpenTelemetry spans and metrics: console (printed to standard output, each span as it ends, the metrics at exit), "
            + "otlp (to OTEL_EXPORTER_OTLP_ENDPOINT, default http://localhost:4317) or none. Default: the setting Telemetry__Exporter.",
    };

    public void AddTo(Command command) => command.Options.Add(Option);

    /// <summary>Puts the choice into the settings, where the composition reads it.</summary>
    /// <exception cref="SettingsException">The value is not one of the three; one line.</exception>
    public void Apply(ParseResult result, IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(settings);
        if (result.GetValue(Option) is not { } value)
        {
            return;
        }

        var exporter = value.Trim().ToLowerInvariant() switch
        {
            "console" => TelemetryExporter.Console,
            "otlp" => TelemetryExporter.Otlp,
            "none" => TelemetryExporter.None,
            _ => throw new SettingsException($"--telemetry is '{value}': must be console, otlp or none."),
        };
        settings[$"{TelemetryOptions.Section}:{nameof(TelemetryOptions.Exporter)}"] = exporter.ToString();
    }
}
