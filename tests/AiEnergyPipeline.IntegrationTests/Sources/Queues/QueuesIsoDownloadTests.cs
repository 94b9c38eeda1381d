using System.Collections.Concurrent;
using System.Text;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.IntegrationTests.Pipeline.Faults;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static AiEnergyPipeline.IntegrationTests.Sources.Queues.QueueFileServers;

namespace AiEnergyPipeline.IntegrationTests.Sources.Queues;

/// <summary>
/// The two ISO defaults that need more than a GET of a fixed address, against a real local HTTP
/// server: PJM's export (a POST carrying PJM's subscription key and PJM's origin) and ERCOT's
/// monthly GIS report (found in ERCOT's document list).
/// </summary>
public class QueuesIsoDownloadTests
{
    private const string Key = QueueFileServers.PjmKey;
    private const string PjmPath = "/PJMPlanningApi/api/Queue/ExportToXls";
    private const string ListPath = "/misapp/servlets/IceDocListJsonWS";
    private const string DownloadPath = "/misdownload/servlets/mirDownload";
    private static readonly byte[] Pjm = File.ReadAllBytes(Path.Combine(Snapshot.DefaultRoot, "queues", "pjm", "pjm_ExportToXls.xlsx"));
    private static readonly byte[] Ercot = File.ReadAllBytes(Path.Combine(Snapshot.DefaultRoot, "queues", "ercot", "GIS_Report_October2026.xlsx"));

    /// <summary>What the server saw of one request.</summary>
    private sealed record Seen(string Method, string PathAndQuery, string? SubscriptionKey, string? Origin, string? Referer);

    /// <summary>The LBNL workbook, PJM's export (only to a POST with the key, as PJM's answers), and ERCOT's list and downloads as <paramref name="list"/> and <paramref name="documents"/> say.</summary>
    private static Task<LocalHttpServer> ServeAsync(ConcurrentQueue<Seen> seen, string? list = null, IReadOnlyDictionary<string, byte[]>? documents = null, Func<HttpContext, Task<bool>>? respond = null) =>
        LocalHttpServer.StartAsync(async context =>
        {
            var request = context.Request;
            seen.Enqueue(new Seen(request.Method, request.Path + request.QueryString, Header(request, "api-subscription-key"), Header(request, "Origin"), Header(request, "Referer")));
            if (respond is not null && await respond(context))
            {
                return;
            }

            if (request.Path == LbnlPath)
            {
                await context.Response.Body.WriteAsync(Lbnl);
            }
            else if (request.Path == PjmPath && request.Method == "POST" && Header(request, "api-subscription-key") == Key)
            {
                await context.Response.Body.WriteAsync(Pjm);
            }
            else if (request.Path == ListPath && request.Query["reportTypeId"] == "15933" && list is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(list);
            }
            else if (request.Path == DownloadPath && documents is not null && documents.TryGetValue(request.Query["doclookupId"].ToString(), out var document))
            {
                await context.Response.Body.WriteAsync(document);
            }
            else
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("Not found");
            }
        });

    /// <summary>The pipeline with a PJM entry that has the subscription key, logging into <paramref name="logs"/>.</summary>
    private static ServiceProvider WithPjmKey(LocalHttpServer server, CapturedLogs logs) => Services(server, new()
    {
        ["Sources:Queues:Files:1:Url"] = Local(server, PjmPath),
        ["Sources:Queues:Files:1:Format"] = "pjm",
        ["Sources:Queues:PjmSubscriptionKey"] = Key,
    }, logs);

    [Fact]
    public async Task FetchEachAsync_PjmEntryWithKey_PostsWithTheKeyAndPjmsOriginAndNeverLogsTheKey()
    {
        var seen = new ConcurrentQueue<Seen>();
        await using var server = await ServeAsync(seen);
        var logs = new CapturedLogs();
        await using var services = WithPjmKey(server, logs);

        var fetched = await FetchEachAsync(services);

        Assert.Empty(fetched.Failures);
        var pjm = Assert.Single(fetched.Files, f => f.FileName == "pjm_ExportToXls.xlsx");
        Assert.Equal(Pjm.Length, pjm.Bytes);
        Assert.Equal(new Seen("POST", PjmPath, Key, "https://www.pjm.com", "https://www.pjm.com/"), Assert.Single(seen, s => s.PathAndQuery == PjmPath));
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(Key, logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, pjm.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchEachAsync_PjmAnswersAnErrorEchoingTheKey_FailsPjmWithTheKeyMasked()
    {
        var seen = new ConcurrentQueue<Seen>();
        await using var server = await ServeAsync(seen, respond: async context =>
        {
            if (context.Request.Path != PjmPath)
            {
                return false;
            }

            context.Response.StatusCode = 401;
            await context.Response.WriteAsync($"{{\"statusCode\":401,\"message\":\"Access denied due to invalid subscription key {Header(context.Request, "api-subscription-key")}.\"}}");
            return true;
        });
        var logs = new CapturedLogs();
        await using var services = WithPjmKey(server, logs);

        var fetched = await FetchEachAsync(services);

        var failure = Assert.Single(fetched.Failures);
        Assert.Equal(("PJM", "Sources:Queues:Files:1"), (failure.Missing, failure.Setting));
        Assert.StartsWith("queues: pjm_ExportToXls.xlsx: HTTP 401", failure.Error, StringComparison.Ordinal);
        Assert.Contains($"invalid subscription key {SecretRedactor.Mask}.", failure.Error, StringComparison.Ordinal);
        Assert.Contains(seen, s => s.SubscriptionKey == Key);
        Assert.Contains(logs.Lines, l => l.Contains("HTTP 401", StringComparison.Ordinal));
        Assert.DoesNotContain(Key, logs.All + failure.Error + failure.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchEachAsync_PjmEntryWithoutKey_FailsPjmNamingTheSettingWithoutARequest()
    {
        var seen = new ConcurrentQueue<Seen>();
        await using var server = await ServeAsync(seen);
        await using var services = Services(server, new()
        {
            ["Sources:Queues:Files:1:Url"] = Local(server, PjmPath),
            ["Sources:Queues:Files:1:Format"] = "pjm",
        });

        var fetched = await FetchEachAsync(services);

        Assert.Equal(["LBNL_Ix_Queue_Data_File_thru2025.xlsx"], fetched.Files.Select(f => f.FileName));
        var failure = Assert.Single(fetched.Failures);
        Assert.Equal(("PJM", FailureStage.Fetch), (failure.Missing, failure.Stage));
        Assert.Equal(
            "queues: pjm_ExportToXls.xlsx: PJM's queue export answers only a POST carrying its subscription key: set Sources__Queues__PjmSubscriptionKey to the public key PJM's queue page sends (or Sources__Queues__Files__1__Method=GET with a Url that serves the workbook to a GET).",
            failure.Error);
        Assert.DoesNotContain('\n', failure.Error);
        Assert.DoesNotContain(seen, s => s.PathAndQuery == PjmPath);
    }

    [Fact]
    public async Task FetchEachAsync_PjmEntrySentByGet_FetchesWithoutKeyOrPjmHeaders()
    {
        var seen = new ConcurrentQueue<Seen>();
        await using var server = await ServeAsync(seen, respond: async context =>
        {
            if (context.Request.Path != "/mirror/pjm.xlsx")
            {
                return false;
            }

            await context.Response.Body.WriteAsync(Pjm);
            return true;
        });
        await using var services = Services(server, new()
        {
            ["Sources:Queues:Files:1:Url"] = Local(server, "/mirror/pjm.xlsx"),
            ["Sources:Queues:Files:1:Format"] = "pjm",
            ["Sources:Queues:Files:1:Method"] = "GET",
        });

        var fetched = await FetchEachAsync(services);

        Assert.Empty(fetched.Failures);
        Assert.Equal(new Seen("GET", "/mirror/pjm.xlsx", null, null, null), Assert.Single(seen, s => s.PathAndQuery == "/mirror/pjm.xlsx"));
    }

    [Fact]
    public async Task FetchEachAsync_ErcotEntryOnTheDocumentList_DownloadsTheNewestGisReportAndPinsItForAReplay()
    {
        var seen = new ConcurrentQueue<Seen>();
        const string list = """
            {"ListDocsByRptTypeRes":{"DocumentList":[
              {"Document":{"DocID":"1100000002","ConstructedName":"rpt.00015933.0000000000000000.20261002.GIS_Report_September2026.xlsx","FriendlyName":"GIS_Report_September2026","PublishDate":"2026-10-02T10:12:00-05:00"}},
              {"Document":{"DocID":"1100000003","ConstructedName":"rpt.00015933.0000000000000000.20261102.GIS_Report_October2026.xlsx","FriendlyName":"GIS_Report_October2026","PublishDate":"2026-11-02T10:12:00-06:00"}},
              {"Document":{"DocID":"1100000004","ConstructedName":"rpt.00015933.0000000000000000.20261103.Co-located_Battery_Identification_Report.xlsx","FriendlyName":"Co-located_Battery","PublishDate":"2026-11-03T10:12:00-06:00"}}
            ]}}
            """;
        await using var server = await ServeAsync(seen, list, new Dictionary<string, byte[]> { ["1100000002"] = Lbnl, ["1100000003"] = Ercot, ["1100000004"] = Lbnl });
        await using var services = Services(server, new()
        {
            ["Sources:Queues:Files:1:Url"] = Local(server, ListPath + "?reportTypeId=15933"),
            ["Sources:Queues:Files:1:Format"] = "ercot",
        });

        var fetched = await FetchEachAsync(services);

        Assert.Empty(fetched.Failures);
        var ercot = Assert.Single(fetched.Files, f => f.FileName == "ercot_mirDownload.xlsx");
        Assert.Equal(Ercot.Length, ercot.Bytes);
        Assert.Equal(Local(server, DownloadPath + "?doclookupId=1100000003"), ercot.Url);
        Assert.Equal([LbnlPath, ListPath + "?reportTypeId=15933", DownloadPath + "?doclookupId=1100000003"], seen.Select(s => s.PathAndQuery));
        var replay = services.GetRequiredService<QueuesSource>().ReplaySettings(fetched.Files);
        Assert.Equal((ercot.Url, "ercot"), (replay["Sources:Queues:Files:1:Url"], replay["Sources:Queues:Files:1:Format"]));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Maintenance</body></html>", "is not the JSON expected")]
    [InlineData("""{"ListDocsByRptTypeRes":{"DocumentList":{"Document":{}}}}""", "is not the JSON expected (ListDocsByRptTypeRes.DocumentList[].Document with DocID, ConstructedName, PublishDate): DocumentList is not an array")]
    [InlineData("""{"ListDocsByRptTypeRes":{"DocumentList":[{"Document":{"DocID":"9","ConstructedName":"Notes.pdf","PublishDate":"2026-11-02T10:12:00"}}]}}""", "names no GIS report (no .xlsx document whose name holds 'GIS_Report').")]
    public async Task FetchEachAsync_ErcotDocumentListMalformed_FailsErcotNamingTheList(string list, string cause) =>
        Assert.Contains(cause, await ErcotListFailureAsync(list), StringComparison.Ordinal);

    [Fact]
    public async Task FetchEachAsync_ErcotDocumentListOver16MiB_FailsErcotWithoutParsingIt()
    {
        // Valid JSON, padded: only its size is wrong.
        var list = """{"ListDocsByRptTypeRes":""" + new string(' ', ErcotDocumentList.MaxListBytes) + "{}}";

        Assert.Contains("is over 16,777,216 bytes (16 MiB), far more than a document list: not read.", await ErcotListFailureAsync(list), StringComparison.Ordinal);
    }

    /// <summary>ERCOT's entry against a document list of <paramref name="list"/>: the failure's error, ERCOT alone failed and nothing downloaded.</summary>
    private static async Task<string> ErcotListFailureAsync(string list)
    {
        var seen = new ConcurrentQueue<Seen>();
        await using var server = await ServeAsync(seen, list);
        var listUrl = Local(server, ListPath + "?reportTypeId=15933");
        await using var services = Services(server, new()
        {
            ["Sources:Queues:Files:1:Url"] = listUrl,
            ["Sources:Queues:Files:1:Format"] = "ercot",
        });

        var fetched = await FetchEachAsync(services);

        Assert.Equal(["LBNL_Ix_Queue_Data_File_thru2025.xlsx"], fetched.Files.Select(f => f.FileName));
        var failure = Assert.Single(fetched.Failures);
        Assert.Equal(("ERCOT", "Sources:Queues:Files:1", listUrl), (failure.Missing, failure.Setting, failure.Url));
        Assert.StartsWith($"queues: ercot_mirDownload.xlsx: ERCOT's document list {listUrl} ", failure.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(seen, s => s.PathAndQuery.StartsWith(DownloadPath, StringComparison.Ordinal));
        return failure.Error;
    }

    [Fact]
    public async Task RunAsync_PjmRejectsTheKeyEchoingIt_PublishesWithoutPjmAndTheKeyIsInNoLogReportOrBlob()
    {
        await using var server = await FaultServer.StartAsync();
        var run = new FaultRun(server, Azurite.NewContainer());
        string? sent = null;
        server.Script("queues/pjm/pjm_ExportToXls.xlsx", new Fault("401 echoing the subscription key", async (context, _) =>
        {
            sent = $"{context.Request.Method} {Header(context.Request, "api-subscription-key")} {Header(context.Request, "Origin")}";
            context.Response.StatusCode = 401;
            context.Response.Headers["X-Echo"] = "key=" + Header(context.Request, "api-subscription-key");
            await context.Response.WriteAsync($"Access denied due to invalid subscription key {Header(context.Request, "api-subscription-key")}.");
        }));

        // The snapshot asks PJM by GET; this run asks as PJM's page does.
        var outcome = await run.RunAsync(new Dictionary<string, string?> { ["Sources:Queues:Files:2:Method"] = "POST", ["Sources:Queues:PjmSubscriptionKey"] = Key });

        Assert.True(outcome.Status == RunStatus.Published, outcome.Message);
        Assert.Equal($"POST {Key} https://www.pjm.com", sent);
        Assert.Contains("Partial: queues without PJM", outcome.Message, StringComparison.Ordinal);
        var report = await run.ReadAsync(RunPublisher.ReportPath(outcome.RunId));
        Assert.Contains($"invalid subscription key {SecretRedactor.Mask}", Encoding.UTF8.GetString(report!), StringComparison.Ordinal);
        var blobs = await run.ReadAllAsync();
        Assert.NotEmpty(blobs);
        Assert.All(blobs, b => Assert.False(Encoding.UTF8.GetString(b.Bytes).Contains(Key, StringComparison.Ordinal), b.Path));
        Assert.Contains(run.Logs.Lines, l => l.Contains("HTTP 401", StringComparison.Ordinal));
        Assert.DoesNotContain(Key, run.Logs.All + outcome.Message, StringComparison.Ordinal);
    }
}
