using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>
/// Section <c>Sources:Queues</c>: each queue file. The same checks as <see cref="QueuesOptions.Resolve"/>,
/// made at start-up; an entry with nothing set is skipped there, so it passes here.
/// </summary>
public sealed class QueuesSettingsRules : SettingRules<QueuesOptions>
{
    private const string Files = nameof(QueuesOptions.Files);

    public QueuesSettingsRules()
        : base(QueuesOptions.Section)
    {
        Entries(Files, nameof(QueueFileOptions.Url), "an absolute http(s) URL; blank only for an lbnl, pjm, caiso, nyiso, ercot, spp, miso or isone entry (the source's current download)", o => o.Files, f =>
            Settings.ValueOrNull(f.Url) is { } url ? (IsHttp(url.Trim()) ? null : SettingKey.Show(url))
            : NeedsUrl(f) ? "not set" : null);
        Entries(Files, nameof(QueueFileOptions.Format), "blank, lbnl, gridstatus, pjm, caiso, nyiso, ercot, spp, miso or isone", o => o.Files, f =>
            Settings.ValueOrNull(f.Format) is { } format && !SettingValues.IsName<QueueFileFormat>(format.Trim()) ? SettingKey.Show(format) : null);
        Entries(Files, nameof(QueueFileOptions.Region), "the ISO whose queue a gridstatus file holds, such as PJM (required for gridstatus)", o => o.Files, f =>
            IsGridstatus(f) && Settings.ValueOrNull(f.Region) is null ? "not set" : null);
        // Excel's own rule for sheet names.
        Entries(Files, nameof(QueueFileOptions.Sheet), "blank or a sheet name of at most 31 characters without : \\ / ? * [ ]", o => o.Files, f =>
            Settings.ValueOrNull(f.Sheet) is { } sheet && (sheet.Trim().Length > 31 || sheet.IndexOfAny([':', '\\', '/', '?', '*', '[', ']']) >= 0) ? SettingKey.Show(sheet) : null);
        Entries(Files, nameof(QueueFileOptions.Method), "blank, GET or POST", o => o.Files, f =>
            Settings.ValueOrNull(f.Method) is { } method && !QueuesOptions.IsMethod(method) ? SettingKey.Show(method) : null);
        // A key: a paste gone wrong is reported without showing it.
        Rule(nameof(QueuesOptions.PjmSubscriptionKey), "blank or a key of letters, digits, - and _", o => RootSettingsRules.Invalid(o.PjmSubscriptionKey, RootSettingsRules.IsApiKey));
    }

    /// <summary>Formats with no default download: gridstatus files.</summary>
    private static bool NeedsUrl(QueueFileOptions f) =>
        Settings.ValueOrNull(f.Format) is { } format && SettingValues.IsName<QueueFileFormat>(format.Trim())
        && Enum.Parse<QueueFileFormat>(format.Trim(), ignoreCase: true) is var parsed && QueuesOptions.DefaultUrlOf(parsed) is null;

    private static bool IsGridstatus(QueueFileOptions f) =>
        string.Equals(f.Format?.Trim(), nameof(QueueFileFormat.Gridstatus), StringComparison.OrdinalIgnoreCase);
}
