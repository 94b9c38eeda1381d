using System.Text;
using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Tests;

internal static class TestFiles
{
    /// <summary>The repository root: the folder that holds AiEnergyPipeline.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A file of ../shared/data/real/, the public data beside the repository; null when absent.</summary>
    public static string RealData(string relativePath) => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", "real", relativePath));

    public static FetchedFile Fetched(string source, string fileName = "test.csv") =>
        new(source, fileName, $"raw/{source}/0000.csv", "0000", 0, "https://example.test/" + fileName, DateTimeOffset.UnixEpoch, null, null, "", false);

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

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
