using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Sources.Eia930;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

internal static class TestPaths
{
    public static string RepositoryRoot => Repository.Root;

    public static string NewTempFolder() => Repository.NewTempFolder();

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
}
