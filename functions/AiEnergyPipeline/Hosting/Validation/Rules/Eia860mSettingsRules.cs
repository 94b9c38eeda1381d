using AiEnergyPipeline.Sources.Eia860m;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>Section <c>Sources:Eia860m</c>: the page of workbooks, the newest month, how far back the search goes, and the vintages read.</summary>
public sealed class Eia860mSettingsRules : SettingRules<Eia860mOptions>
{
    /// <summary>EIA-860M begins in 2015: no vintage is older.</summary>
    public const int FirstYear = 2015;

    public Eia860mSettingsRules()
        : base(Eia860mOptions.Section)
    {
        HttpUrl(nameof(Eia860mOptions.Url), o => o.Url);
        Optional(nameof(Eia860mOptions.Month), "a month (yyyy-MM) such as 2026-08", o => o.Month, SettingValues.IsMonth);
        Integer(nameof(Eia860mOptions.MonthsBack), o => o.MonthsBack, 0, 24);
        Entries(nameof(Eia860mOptions.Vintages), null, "a month (yyyy-MM) from 2015-01 on, such as 2024-01", o => o.Vintages, v =>
            v is not null && SettingValues.IsMonth(v.Trim()) && string.CompareOrdinal(v.Trim(), $"{FirstYear}-01") >= 0 ? null : SettingKey.Show(v));
        Integer(nameof(Eia860mOptions.VintagesFromYear), o => o.VintagesFromYear, FirstYear, TimeProvider.System.GetUtcNow().Year);
        // Thirteen months give a year of month-to-month changes; three years is plenty and bounds the downloads.
        Integer(nameof(Eia860mOptions.RecentVintages), o => o.RecentVintages, 1, 36);
    }
}
