namespace AiEnergyPipeline.Tests.Hosting;

/// <summary>docs/settings.md, the reference of every setting: a setting is documented when a table row begins with it.</summary>
internal static class SettingsReference
{
    public static string Path => System.IO.Path.Combine(TestFiles.RepositoryRoot, "docs", "settings.md");

    /// <summary>
    /// The setting each table row documents: the first `code` of its first cell, as in
    /// "| `Sources__Eia930Api__Types__0`, `__1`, ... | ...".
    /// </summary>
    public static HashSet<string> Rows() =>
        File.ReadLines(Path)
            .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .Select(l => l[3..l.IndexOf('`', 3)])
            .ToHashSet(StringComparer.Ordinal);
}
