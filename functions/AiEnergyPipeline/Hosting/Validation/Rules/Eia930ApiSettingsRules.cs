using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>Section <c>Sources:Eia930Api</c>: the API route, the window of hours and the guards against a runaway server.</summary>
public sealed class Eia930ApiSettingsRules : SettingRules<Eia930ApiOptions>
{
    private const string Hour = "an hour (UTC, hour ending, yyyy-MM-ddTHH) such as 2026-01-31T23";
    private static readonly string End = SettingKey.Of(Eia930ApiOptions.Section, nameof(Eia930ApiOptions.End));

    public Eia930ApiSettingsRules()
        : base(Eia930ApiOptions.Section)
    {
        HttpUrl(nameof(Eia930ApiOptions.Url), o => o.Url);
        // Usually filled from EIA_API_KEY (checked there); this is the section's own spelling of it.
        Rule(nameof(Eia930ApiOptions.ApiKey), RootSettingsRules.ApiKeyRule, o => RootSettingsRules.Invalid(o.ApiKey, RootSettingsRules.IsApiKey));
        Rule(nameof(Eia930ApiOptions.Start), $"blank or {Hour}, not after {End}", o =>
            Settings.ValueOrNull(o.Start) is not { } start ? null
            : !SettingValues.TryParseHour(start, out var first) ? SettingKey.Show(start)
            : SettingValues.TryParseHour(o.End, out var last) && first > last ? $"{SettingKey.Show(start)}, after {End} ({SettingKey.Show(o.End)})"
            : null);
        Optional(nameof(Eia930ApiOptions.End), Hour, o => o.End, SettingValues.IsHour);
        Integer(nameof(Eia930ApiOptions.Days), o => o.Days, 1, 3660);
        Integer(nameof(Eia930ApiOptions.PageLength), o => o.PageLength, 1, 5000);
        Integer(nameof(Eia930ApiOptions.MaxPages), o => o.MaxPages, 1, 100_000);
        // A page streams to disk (memory does not grow with it): the upper end bounds the disk and the
        // time one page may take; 5,000 rows, the API's most, are about 2 MB.
        Integer(nameof(Eia930ApiOptions.MaxPageBytes), o => o.MaxPageBytes, 64 << 10, 1L << 30);
        Entries(nameof(Eia930ApiOptions.Types), null, "a series type: D, DF, NG or TI", o => o.Types, t => t?.Trim() is "D" or "DF" or "NG" or "TI" ? null : SettingKey.Show(t));
        Entries(nameof(Eia930ApiOptions.Respondents), null, "a balancing authority code of 2 to 10 letters and digits such as PJM", o => o.Respondents, r =>
            r?.Trim() is { Length: >= 2 and <= 10 } code && code.All(char.IsAsciiLetterOrDigit) ? null : SettingKey.Show(r));
    }
}
