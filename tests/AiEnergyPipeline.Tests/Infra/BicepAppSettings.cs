using AiEnergyPipeline.TestKit;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Tests.Infra;

/// <summary>
/// The app settings the templates give the deployed app, read from the Bicep text itself (every
/// <c>{ name: '...', value: ... }</c> of an <c>appSettings: [ ... ]</c> array in infra/**/*.bicep),
/// so that a test can check them without compiling the templates.
/// </summary>
internal static partial class BicepAppSettings
{
    public static string InfraFolder => Path.Combine(Repository.Root, "infra");

    /// <summary>Every setting name, in file order, each once.</summary>
    public static IReadOnlyList<string> Names()
    {
        var names = new List<string>();
        foreach (var file in Directory.EnumerateFiles(InfraFolder, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            foreach (Match start in AppSettingsArray().Matches(text))
            {
                var array = text[start.Index..ArrayEnd(text, start.Index + start.Length - 1)];
                names.AddRange(SettingName().Matches(array).Select(m => m.Groups[1].Value));
            }
        }

        return [.. names.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The index just past the ']' that closes the '[' at <paramref name="open"/>.</summary>
    private static int ArrayEnd(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '[' => 1, ']' => -1, _ => 0 };
            if (depth == 0)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException("an appSettings array in infra/ is not closed");
    }

    [GeneratedRegex(@"\bappSettings\s*:\s*\[")]
    private static partial Regex AppSettingsArray();

    [GeneratedRegex(@"\{\s*name\s*:\s*'([^']+)'")]
    private static partial Regex SettingName();
}
