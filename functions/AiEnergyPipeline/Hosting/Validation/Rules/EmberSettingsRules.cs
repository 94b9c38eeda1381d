using AiEnergyPipeline.Sources.Ember;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>Section <c>Sources:Ember</c>: the yearly release.</summary>
public sealed class EmberSettingsRules : SettingRules<EmberOptions>
{
    public EmberSettingsRules()
        : base(EmberOptions.Section) =>
        HttpUrl(nameof(EmberOptions.Url), o => o.Url);
}
