namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string NewTempFolder() => Directory.CreateTempSubdirectory("aienergy-test-").FullName;

    /// <summary>A copy of the bundled snapshot that a test may change.</summary>
    public static string CopyOfSnapshot()
    {
        var target = NewTempFolder();
        var source = AiEnergyPipeline.Fetch.Snapshot.DefaultRoot;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    public const string BulkSnapshotFile = "eia930/bulk/EIA930_BALANCE_2025_Jul_Dec.csv";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AiEnergyPipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AiEnergyPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
