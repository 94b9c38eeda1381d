using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Hosting;

/// <summary>Section <c>Sources:Ember</c>: the yearly release.</summary>
public sealed class EmberSettingsRules : SettingRules<EmberOptions>
{
    public EmberSettingsRules()
        : base(EmberOptions.Section) =>
        HttpUrl(nameof(EmberOptions.Url), o => o.Url);
}
