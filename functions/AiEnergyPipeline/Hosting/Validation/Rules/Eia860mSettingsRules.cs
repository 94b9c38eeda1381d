using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Hosting;

/// <summary>Section <c>Sources:Eia860m</c>: the page of workbooks, a pinned month and how far back the search goes.</summary>
public sealed class Eia860mSettingsRules : SettingRules<Eia860mOptions>
{
    public Eia860mSettingsRules()
        : base(Eia860mOptions.Section)
    {
        HttpUrl(nameof(Eia860mOptions.Url), o => o.Url);
        Optional(nameof(Eia860mOptions.Month), "a month (yyyy-MM) such as 2026-08", o => o.Month, SettingValues.IsMonth);
        Integer(nameof(Eia860mOptions.MonthsBack), o => o.MonthsBack, 0, 24);
    }
}
