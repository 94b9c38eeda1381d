using AiEnergyPipeline.Pipeline.Sweep;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>
/// Section <c>Sweep</c>. Every age is at least ten minutes, so that nothing a run is still writing
/// looks abandoned; at least the latest run is always kept.
/// </summary>
public sealed class SweepSettingsRules : SettingRules<SweepOptions>
{
    private static readonly TimeSpan MinAge = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(3650);

    public SweepSettingsRules()
        : base(SweepOptions.Section)
    {
        Duration(nameof(SweepOptions.WorkFolderAge), o => o.WorkFolderAge, MinAge, MaxAge);
        Duration(nameof(SweepOptions.HalfRunAge), o => o.HalfRunAge, MinAge, MaxAge);
        Duration(nameof(SweepOptions.TempFileAge), o => o.TempFileAge, MinAge, MaxAge);
        Duration(nameof(SweepOptions.PlanExpiry), o => o.PlanExpiry, MinAge, MaxAge);
        Duration(nameof(SweepOptions.ReportAge), o => o.ReportAge, MinAge, MaxAge);
        Integer(nameof(SweepOptions.KeepLatestRuns), o => o.KeepLatestRuns, 1, 100_000);
    }
}
