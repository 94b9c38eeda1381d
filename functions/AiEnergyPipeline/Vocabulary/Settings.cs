namespace AiEnergyPipeline.Vocabulary;

internal static class Settings
{
    /// <summary>An empty setting means "not set": app settings and local.settings.json list every key, many of them blank.</summary>
    public static string? ValueOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
