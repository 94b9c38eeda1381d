using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Vocabulary;
using Azure.Storage.Queues;
using NCrontab;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>The top-level settings: the timer schedule, the ingest queue's name and connection, the EIA key and the host's own.</summary>
public sealed class RootSettingsRules : SettingRules<RootSettings>
{
    /// <summary>63, a queue name's most, less "-poison".</summary>
    public const int MaxQueueNameLength = 56;

    public const string ScheduleRule = "a six-field NCRONTAB schedule in UTC (second minute hour day month weekday) such as 0 0 6 * * *";

    public const string ApiKeyRule = "blank or a key of letters, digits, - and _";

    public RootSettingsRules()
        : base("")
    {
        Optional(RootSettings.IngestScheduleSetting, ScheduleRule, o => o.IngestSchedule, IsSchedule);
        Optional(RootSettings.SweepScheduleSetting, ScheduleRule, o => o.SweepSchedule, IsSchedule);
        // The host moves a message that keeps failing to {name}-poison, itself a queue name of at most 63 characters.
        Optional(RootSettings.IngestQueueNameSetting, $"a queue name: {SettingValues.StorageNameRule}, at most {MaxQueueNameLength} so that {{name}}-poison is one too", o => o.IngestQueueName,
            n => SettingValues.IsStorageName(n) && n.Length <= MaxQueueNameLength);
        Rule(RootSettings.IngestQueueSetting, "blank or a storage connection string such as UseDevelopmentStorage=true", o => Invalid(o.IngestQueue, SettingValues.IsQueueConnectionString));
        // Keys are letters and digits; a space or a quote is a paste gone wrong, and the key itself is never shown.
        Rule(RootSettings.EiaApiKeySetting, ApiKeyRule, o => Invalid(o.EiaApiKey, IsApiKey));
        Rule(RootSettings.WebJobsStorageSetting, "blank or a storage connection string such as UseDevelopmentStorage=true", o => Invalid(o.WebJobsStorage, SettingValues.IsQueueConnectionString));
        Optional(RootSettings.WorkerRuntimeSetting, "dotnet-isolated", o => o.WorkerRuntime, v => v == "dotnet-isolated");
        // Not a secret (it identifies, Entra ID authorises), but a paste gone wrong is not shown either.
        Rule(RootSettings.ApplicationInsightsConnectionStringSetting, "blank or an Application Insights connection string (InstrumentationKey=...;IngestionEndpoint=...)",
            o => Invalid(o.ApplicationInsightsConnectionString, ApplicationInsightsAuthentication.IsConnectionString));
        Optional(RootSettings.ApplicationInsightsAuthenticationSetting, "Authorization=AAD, optionally with ClientId={client id of a user-assigned identity}", o => o.ApplicationInsightsAuthentication,
            v => ApplicationInsightsAuthentication.Parse(v) is not null);
        // The app takes a delivery as the last (and records the failure, so that the run ends with a report) by its own count: the host's must agree.
        Rule(RootSettings.HostMaxDequeueCountSetting, $"blank or equal to {SettingKey.Of(IngestOptions.Section, nameof(IngestOptions.MaxDequeueCount))}, the deliveries the app counts to a message's last",
            o => Settings.ValueOrNull(o.HostMaxDequeueCount)?.Trim() is { } host && host != SettingKey.Show(o.IngestMaxDequeueCount)
                ? $"{SettingKey.Show(host)}, not {SettingKey.Of(IngestOptions.Section, nameof(IngestOptions.MaxDequeueCount))}'s {SettingKey.Show(o.IngestMaxDequeueCount)}"
                : null);
        Optional(RootSettings.OtlpEndpointSetting, "an absolute http(s) URL such as http://localhost:4317", o => o.OtlpEndpoint, IsHttp);
    }

    public static bool IsApiKey(string key) => key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>Secrets: a bad value is reported without showing it.</summary>
    public static string? Invalid(string? value, Func<string, bool> isValid) =>
        Settings.ValueOrNull(value) is { } v && !isValid(v.Trim()) ? SettingValues.Hidden : null;

    public static bool IsSchedule(string value) =>
        CrontabSchedule.TryParse(value, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is not null;
}
