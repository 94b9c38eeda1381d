using AiEnergyPipeline.Sources.Eia930;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>Section <c>Sources:Eia930Bulk</c>: the folder of BALANCE files and the history read from it.</summary>
public sealed class Eia930BulkSettingsRules : SettingRules<Eia930BulkOptions>
{
    /// <summary>EIA-930 begins in 2015: no BALANCE file is older.</summary>
    public const int FirstYear = 2015;

    public Eia930BulkSettingsRules()
        : base(Eia930BulkOptions.Section)
    {
        HttpUrl(nameof(Eia930BulkOptions.Url), o => o.Url);
        // A later year than this one lists no file at all: the run would fail on an empty plan.
        Integer(nameof(Eia930BulkOptions.FromYear), o => o.FromYear, FirstYear, TimeProvider.System.GetUtcNow().Year);
        Entries(nameof(Eia930BulkOptions.Files), null, "a BALANCE file name such as EIA930_BALANCE_2026_Jan_Jun.csv", o => o.Files, f =>
            f is not null && BalanceHalfYear.FromFileName(f) is not null ? null : SettingKey.Show(f));
    }
}
