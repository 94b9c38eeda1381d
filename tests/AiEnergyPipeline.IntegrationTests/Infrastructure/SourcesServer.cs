using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Sources.Eia930;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// Every source of a live run on one real local server: the EIA-930 file list and BALANCE files
/// (under /six/, changeable by the test), the snapshot's API pages, EIA-860M workbooks (every vintage under xls/), queue files
/// and Ember file. Files carry an ETag and Last-Modified and are answered 304 when a request's
/// validators match, unless the server is made without validators. Every answer is recorded.
/// </summary>
internal sealed class SourcesServer : IAsyncDisposable
{
    public const string ListPath = "/six/" + Eia930FileList.FileName;
    private static readonly DateTimeOffset LastModified = new(2026, 1, 6, 10, 0, 0, TimeSpan.Zero);
    private readonly LocalHttpServer _server;

    private SourcesServer(LocalHttpServer server, ConcurrentDictionary<string, byte[]> files)
    {
        _server = server;
        Files = files;
    }

    /// <summary>Path to bytes: change them to change the source.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; }

    /// <summary>Path and status of every answer, in order.</summary>
    public ConcurrentQueue<(string Path, int Status)> Answers { get; } = new();

    public static async Task<SourcesServer> StartAsync(IReadOnlyDictionary<string, byte[]> balanceFiles, bool validators = true)
    {
        var files = new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, bytes) in balanceFiles)
        {
            files["/six/" + name] = bytes;
        }

        var root = Snapshot.DefaultRoot;
        foreach (var workbook in Directory.GetFiles(Path.Combine(root, "eia860m"), "*.xlsx"))
        {
            files["/eia860m/xls/" + Path.GetFileName(workbook)] = await File.ReadAllBytesAsync(workbook);
        }

        files["/queues/lbnl.xlsx"] = await File.ReadAllBytesAsync(Path.Combine(root, "queues", "lbnl", "LBNL_Ix_Queue_Data_File_thru2025.xlsx"));
        files["/queues/pjm.csv"] = await File.ReadAllBytesAsync(Path.Combine(root, "queues", "gridstatus", "pjm.csv"));
        files["/ember/yearly_full_release_long_format.csv"] = await File.ReadAllBytesAsync(Path.Combine(root, "ember", "yearly_full_release_long_format.csv"));
        SourcesServer? self = null;
        var server = await LocalHttpServer.StartAsync(async context =>
        {
            var path = context.Request.Path.Value ?? "";
            var status = await AnswerAsync(context, path, self!.Files, validators);
            self.Answers.Enqueue((path, status));
        });
        self = new SourcesServer(server, files);
        return self;
    }

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The settings of a live run against this server, publishing to a folder.</summary>
    public Dictionary<string, string?> Settings(string store, string workDirectory) => new(TestPipeline.FolderStore(store))
    {
        ["Pipeline:Mode"] = "Live",
        ["Pipeline:WorkDirectory"] = workDirectory,
        ["Sources:Eia930Bulk:Url"] = new Uri(BaseAddress, "six/").ToString(),
        ["Sources:Eia930Bulk:FromYear"] = "2015",
        ["Sources:Eia930Api:Url"] = new Uri(BaseAddress, "api/").ToString(),
        ["Sources:Eia930Api:ApiKey"] = "test-key",
        ["Sources:Eia930Api:Start"] = "2026-01-01T00",
        ["Sources:Eia930Api:End"] = "2026-01-02T05",
        ["Sources:Eia930Api:PageLength"] = "250",
        ["Sources:Eia860m:Url"] = new Uri(BaseAddress, "eia860m/").ToString(),
        ["Sources:Eia860m:Month"] = "2026-08",
        // One vintage unless a test asks for the snapshot's six (Eia860mVintages): one EIA-860M partition beside the BALANCE ones.
        ["Sources:Eia860m:Vintages:0"] = "2026-08",
        ["Sources:Queues:Files:0:Url"] = new Uri(BaseAddress, "queues/lbnl.xlsx").ToString(),
        ["Sources:Queues:Files:0:Format"] = "lbnl",
        ["Sources:Queues:Files:1:Url"] = new Uri(BaseAddress, "queues/pjm.csv").ToString(),
        ["Sources:Queues:Files:1:Format"] = "gridstatus",
        ["Sources:Queues:Files:1:Region"] = "PJM",
        ["Sources:Ember:Url"] = new Uri(BaseAddress, "ember/yearly_full_release_long_format.csv").ToString(),
    };

    /// <summary>How many answers of each status a path had.</summary>
    public int Count(string path, int status) => Answers.Count(a => a.Path == path && a.Status == status);

    public void Clear() => Answers.Clear();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    public static string ETagOf(byte[] bytes) => $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}\"";

    private static async Task<int> AnswerAsync(HttpContext context, string path, ConcurrentDictionary<string, byte[]> files, bool validators)
    {
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            // The EIA API has no validators: the snapshot's page at the requested offset.
            var page = Path.Combine(Snapshot.DefaultRoot, "eia930", "api", $"region-data.offset-{context.Request.Query["offset"]}.json");
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(await File.ReadAllBytesAsync(page));
            return 200;
        }

        if (!files.TryGetValue(path, out var bytes))
        {
            context.Response.StatusCode = 404;
            return 404;
        }

        if (validators)
        {
            var etag = ETagOf(bytes);
            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = LastModified.ToString("R");
            if (context.Request.Headers.IfNoneMatch.Any(v => v == etag))
            {
                context.Response.StatusCode = 304;
                return 304;
            }
        }

        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes);
        return 200;
    }
}

/// <summary>Small BALANCE files in the real format: eight hours of CISO, taken from the snapshot's file and moved to the half-year.</summary>
internal static class BalanceFiles
{
    private static readonly string[] Snapshot = File.ReadAllLines(Path.Combine(AiEnergyPipeline.Fetch.Snapshot.DefaultRoot, TestPaths.BulkSnapshotFile));

    /// <summary>The BALANCE files of every half-year from <paramref name="fromYear"/> on, <paramref name="count"/> of them, by file name.</summary>
    public static Dictionary<string, byte[]> History(int fromYear, int count) =>
        Enumerable.Range(0, count).Select(i => new BalanceHalfYear(fromYear + (i / 2), (i % 2) + 1))
            .ToDictionary(h => h.FileName, h => Of(h));

    /// <summary>One half-year's file: the first <paramref name="hours"/> hours of the 15th of its first month (fewer: a revised file).</summary>
    public static byte[] Of(BalanceHalfYear half, int hours = 8)
    {
        var month = half.Half == 1 ? 1 : 7;
        var lines = new List<string> { Snapshot[0] };
        foreach (var line in Snapshot.Skip(1).Take(hours))
        {
            lines.Add(line.Replace("CISO,12/25/2025,", $"CISO,{month}/15/{half.Year},", StringComparison.Ordinal)
                .Replace("12/25/2025 ", $"{month:00}/15/{half.Year} ", StringComparison.Ordinal));
        }

        return System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
    }

    /// <summary>The file list as EIA publishes it: every type of file for each half-year.</summary>
    public static byte[] List(IEnumerable<string> balanceFiles)
    {
        var rows = new List<string> { "YEAR,PERIOD,FILENAME,DESCRIPTION" };
        foreach (var name in balanceFiles)
        {
            var half = BalanceHalfYear.FromFileName(name)!;
            var period = half.Half == 1 ? "Jan_Jun" : "Jul_Dec";
            rows.Add($"{half.Year},{period},{name},\"Balance, {period} {half.Year}\"");
            rows.Add($"{half.Year},{period},EIA930_INTERCHANGE_{half.Year}_{period}.csv,\"Interchange, {period} {half.Year}\"");
        }

        return System.Text.Encoding.UTF8.GetBytes(string.Join("\r\n", rows) + "\r\n");
    }
}
