using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace AiEnergyPipeline.Tests.Hosting;

/// <summary>local.settings.sample.json: the good values every settings test starts from.</summary>
internal static class SettingsSample
{
    /// <summary>The sample's values, keys in environment-variable form.</summary>
    public static Dictionary<string, string> Values()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "local.settings.sample.json")));
        return document.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    /// <summary>The sample as configuration, with <paramref name="overrides"/> (configuration keys) on top.</summary>
    public static IConfiguration With(IDictionary<string, string?>? overrides = null)
    {
        var settings = Values().ToDictionary(p => p.Key.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }
}
