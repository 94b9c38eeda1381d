using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.TestKit;
using System.Text;

namespace AiEnergyPipeline.Tests;

internal static class TestFiles
{
    public static string RepositoryRoot => Repository.Root;

    public static string RealData(string relativePath) => Repository.RealData(relativePath);

    public static FetchedFile Fetched(string source, string fileName = "test.csv") =>
        new(source, fileName, $"raw/{source}/0000.csv", "0000", 0, "https://example.test/" + fileName, DateTimeOffset.UnixEpoch, null, null, "", false);

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));
}
