namespace AiEnergyPipeline.Fetch;

/// <summary>
/// One place a source reads from: the setting that holds it (as an environment variable, the
/// form operators set) and the value in effect, secrets already masked.
/// </summary>
public sealed record SourceEndpoint(string Setting, string Value)
{
    /// <summary>The environment-variable name of <paramref name="key"/> in configuration section <paramref name="section"/>.</summary>
    public static string SettingOf(string section, string key) => $"{section.Replace(":", "__", StringComparison.Ordinal)}__{key}";
}
