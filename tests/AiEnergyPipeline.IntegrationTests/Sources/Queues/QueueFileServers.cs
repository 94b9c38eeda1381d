using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Sources.Queues;

/// <summary>
/// What the tests of ISO downloads against a local server share: the LBNL workbook every queue
/// run starts from (entry 0), the pipeline composed live against the server with the test's
/// entries, and one fetch of every queue file.
/// </summary>
internal static class QueueFileServers
{
    public const string LbnlPath = "/LBNL_Ix_Queue_Data_File_thru2025.xlsx";
    public const string PjmKey = "pjm-test-subscription-key-0123456789";
    public static readonly byte[] Lbnl = File.ReadAllBytes(Path.Combine(Snapshot.DefaultRoot, "queues", "lbnl", "LBNL_Ix_Queue_Data_File_thru2025.xlsx"));

    public static string? Header(HttpRequest request, string name) => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    /// <summary>The pipeline, live, with the LBNL workbook as queue file 0 and <paramref name="files"/>'s settings beside it.</summary>
    public static ServiceProvider Services(LocalHttpServer server, Dictionary<string, string?> files, CapturedLogs? logs = null)
    {
        var settings = new Dictionary<string, string?>(TestPipeline.FolderStore(TestPaths.NewTempFolder()))
        {
            ["Pipeline:Mode"] = "Live",
            ["Sources:Queues:Files:0:Url"] = Local(server, LbnlPath),
            ["Sources:Queues:Files:0:Format"] = "lbnl",
        };
        foreach (var (key, value) in files)
        {
            settings[key] = value;
        }

        return TestPipeline.Build(settings, logs: logs);
    }

    public static string Local(LocalHttpServer server, string pathAndQuery) => new Uri(server.BaseAddress, pathAndQuery.TrimStart('/')).ToString();

    public static Task<SourceFetch> FetchEachAsync(ServiceProvider services) =>
        services.GetRequiredService<QueuesSource>().FetchEachAsync(new RawArchive(services.GetRequiredService<IDatasetStore>(), TestPaths.NewTempFolder()), CancellationToken.None);
}
