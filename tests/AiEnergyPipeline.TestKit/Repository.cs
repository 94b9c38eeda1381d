namespace AiEnergyPipeline.TestKit;

/// <summary>Where things are, seen from a test's build folder.</summary>
public static class Repository
{
    /// <summary>The repository root: the folder that holds AiEnergyPipeline.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A file of ../shared/data/real/, the public data beside the repository (which may be absent).</summary>
    public static string RealData(string relativePath) => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "real", relativePath));

    public static string NewTempFolder() => Directory.CreateTempSubdirectory("aienergy-test-").FullName;

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
