using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Vocabulary;
using Azure.Storage.Blobs;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>Section <c>PublishedStorage</c>: a folder, or a blob container by connection string or by URI and identity.</summary>
public sealed class PublishedStorageSettingsRules : SettingRules<PublishedStorageOptions>
{
    private static readonly string Connection = SettingKey.Of(PublishedStorageOptions.Section, nameof(PublishedStorageOptions.ConnectionString));
    private static readonly string ServiceUri = SettingKey.Of(PublishedStorageOptions.Section, nameof(PublishedStorageOptions.ServiceUri));

    public PublishedStorageSettingsRules()
        : base(PublishedStorageOptions.Section)
    {
        Rule(nameof(PublishedStorageOptions.Path), $"a folder path (not a file nor under one), required unless {Connection} or {ServiceUri} is set", o =>
            Settings.ValueOrNull(o.Path) is { } path ? (SettingValues.IsFolderPath(path) ? null : SettingKey.Show(path))
            : UsesBlobs(o) ? null : "not set");
        Rule(nameof(PublishedStorageOptions.ConnectionString), "blank or a storage connection string such as UseDevelopmentStorage=true", o =>
            Settings.ValueOrNull(o.ConnectionString) is { } c && !SettingValues.IsStorageConnectionString(c.Trim()) ? SettingValues.Hidden : null);
        Optional(nameof(PublishedStorageOptions.ServiceUri), "an absolute http(s) URL such as https://account.blob.core.windows.net", o => o.ServiceUri, IsHttp);
        Rule(nameof(PublishedStorageOptions.Container), $"a container name: {SettingValues.StorageNameRule}", o =>
            SettingValues.IsStorageName(o.Container ?? "") || (Settings.ValueOrNull(o.Container) is null && Settings.ValueOrNull(o.Path) is not null) ? null
            : Settings.ValueOrNull(o.Container) is null ? "not set" : SettingKey.Show(o.Container));
        Integer(nameof(PublishedStorageOptions.MaxRetries), o => o.MaxRetries, 0, 10);
        Duration(nameof(PublishedStorageOptions.RetryDelay), o => o.RetryDelay, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Duration(nameof(PublishedStorageOptions.NetworkTimeout), o => o.NetworkTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(30));
        Optional(nameof(PublishedStorageOptions.ServiceVersion), $"{SettingValues.VersionRange<BlobClientOptions.ServiceVersion>()}", o => o.ServiceVersion, SettingValues.IsName<BlobClientOptions.ServiceVersion>);
    }

    private static bool UsesBlobs(PublishedStorageOptions o) =>
        Settings.ValueOrNull(o.ConnectionString) is not null || Settings.ValueOrNull(o.ServiceUri) is not null;
}
