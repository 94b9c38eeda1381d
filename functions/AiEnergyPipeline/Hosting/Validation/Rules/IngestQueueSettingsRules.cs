using AiEnergyPipeline.Pipeline.FanOut;
using Azure.Storage.Queues;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>Section <c>IngestQueue</c>: the queue reached by identity (the connection string itself is a top-level setting).</summary>
public sealed class IngestQueueSettingsRules : SettingRules<IngestQueueOptions>
{
    public IngestQueueSettingsRules()
        : base(IngestQueueOptions.Section)
    {
        Optional(nameof(IngestQueueOptions.QueueServiceUri), "an absolute http(s) URL such as https://account.queue.core.windows.net", o => o.QueueServiceUri, IsHttp);
        Optional(nameof(IngestQueueOptions.Credential), "managedidentity", o => o.Credential, v => string.Equals(v, "managedidentity", StringComparison.OrdinalIgnoreCase));
        Optional(nameof(IngestQueueOptions.ClientId), "a client id (a GUID)", o => o.ClientId, v => Guid.TryParse(v, out _));
        Optional(nameof(IngestQueueOptions.ServiceVersion), SettingValues.VersionRange<QueueClientOptions.ServiceVersion>(), o => o.ServiceVersion, SettingValues.IsName<QueueClientOptions.ServiceVersion>);
    }
}
