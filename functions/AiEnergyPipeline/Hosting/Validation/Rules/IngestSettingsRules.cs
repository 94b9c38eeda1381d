using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>Section <c>Ingest</c>: how a run's partitions are spread, and the queue's deliveries.</summary>
public sealed class IngestSettingsRules : SettingRules<IngestOptions>
{
    private static readonly string ServiceUri = SettingKey.Of(IngestQueueOptions.Section, nameof(IngestQueueOptions.QueueServiceUri));

    public IngestSettingsRules(IOptions<RootSettings> root, IOptions<IngestQueueOptions> queue)
        : base(IngestOptions.Section)
    {
        // A queue fan-out with no queue would fail at the first run: say so at start-up.
        Rule(nameof(IngestOptions.FanOut), $"InProcess, or Queue with {RootSettings.IngestQueueSetting} or {ServiceUri} set", o =>
            !Enum.IsDefined(o.FanOut) ? SettingKey.Show(o.FanOut.ToString())
            : o.FanOut == FanOutMode.Queue && Settings.ValueOrNull(root.Value.IngestQueue) is null && Settings.ValueOrNull(queue.Value.QueueServiceUri) is null
                ? $"Queue, but neither {RootSettings.IngestQueueSetting} nor {ServiceUri} is set"
                : null);
        Integer(nameof(IngestOptions.MaxDequeueCount), o => o.MaxDequeueCount, 1, 100);
    }
}
