namespace AiEnergyPipeline.Hosting.Validation;

/// <summary>The rules of one options type, without its type parameter: what start-up validation, the docs test and binder errors read.</summary>
public interface ISettingRules
{
    Type OptionsType { get; }

    /// <summary>The configuration section, such as <c>Sources:Http</c>; blank for top-level settings.</summary>
    string Section { get; }

    IReadOnlyList<SettingRule> Rules { get; }
}
