using AiEnergyPipeline.Datasets;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>
/// Section <c>Health</c>. The data may be at least an hour old (a run takes that long) and at most
/// thirty days; a source may fail from 0 (none allowed) to 100 ingests in a row.
/// </summary>
public sealed class HealthSettingsRules : SettingRules<HealthOptions>
{
    public HealthSettingsRules()
        : base(HealthOptions.Section)
    {
        Duration(nameof(HealthOptions.MaxDataAge), o => o.MaxDataAge, TimeSpan.FromHours(1), TimeSpan.FromDays(30));
        Integer(nameof(HealthOptions.MaxConsecutiveFailures), o => o.MaxConsecutiveFailures, 0, 100);
    }
}
