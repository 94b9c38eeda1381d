using AiEnergyPipeline.Sources.Curated;

namespace AiEnergyPipeline.Hosting.Validation.Rules;

/// <summary>Section <c>Sources:Curated</c>: the folder of curated files.</summary>
public sealed class CuratedSettingsRules : SettingRules<CuratedOptions>
{
    public CuratedSettingsRules()
        : base(CuratedOptions.Section) =>
        Optional(nameof(CuratedOptions.Path), "an existing folder of curated files", o => o.Path, Directory.Exists);
}
