using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>Section <c>Telemetry</c>: an exporter that has somewhere to send, said at start-up rather than lost at the first export.</summary>
public sealed class TelemetrySettingsRules : SettingRules<TelemetryOptions>
{
    public const string ExporterRule = $"Auto, None, Console, Otlp, or AzureMonitor with {RootSettings.ApplicationInsightsConnectionStringSetting} set";

    public TelemetrySettingsRules(IOptions<RootSettings> root)
        : base(TelemetryOptions.Section)
    {
        ArgumentNullException.ThrowIfNull(root);
        Rule(nameof(TelemetryOptions.Exporter), ExporterRule, o =>
            !Enum.IsDefined(o.Exporter) ? SettingKey.Show(o.Exporter.ToString())
            : o.Exporter == TelemetryExporter.AzureMonitor && Settings.ValueOrNull(root.Value.ApplicationInsightsConnectionString) is null
                ? $"AzureMonitor, but {RootSettings.ApplicationInsightsConnectionStringSetting} is not set"
                : null);
    }
}
