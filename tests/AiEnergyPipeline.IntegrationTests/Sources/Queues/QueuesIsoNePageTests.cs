using System.Collections.Concurrent;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.TestKit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static AiEnergyPipeline.IntegrationTests.Sources.Queues.QueueFileServers;

namespace AiEnergyPipeline.IntegrationTests.Sources.Queues;

/// <summary>
/// ISO-NE's queue page behind its cookie check, against a real local HTTP server that imitates it:
/// the first GET answers 302 with Set-Cookie AspxAutoDetectCookieSupport=1 and the page's own
/// address with ?AspxAutoDetectCookieSupport=1, and the page is served only when the cookie comes
/// back. Also a server that always redirects, the page's .xlsx export, and a redirect to another host.
/// </summary>
public class QueuesIsoNePageTests
{
    private const string PagePath = "/reports/external";
    private const string ExportPath = "/reports/exportpublicqueue";
    private const string CookieCheck = "AspxAutoDetectCookieSupport=1";
    private const string Key = QueueFileServers.PjmKey;
    private static readonly byte[] Page = File.ReadAllBytes(Path.Combine(Snapshot.DefaultRoot, "queues", "isone", "isone_external.html"));

    /// <summary>What the server saw of one request.</summary>
    private sealed record Seen(string Method, string PathAndQuery, string? Cookie, string? UserAgent, string? SubscriptionKey);

    /// <summary>The LBNL workbook, ISO-NE's page behind its cookie check (or <paramref name="respond"/>'s answer where it gives one).</summary>
    private static Task<LocalHttpServer> ServeAsync(ConcurrentQueue<Seen> seen, Func<HttpContext, Task<bool>>? respond = null) =>
        LocalHttpServer.StartAsync(async context =>
        {
            var request = context.Request;
            seen.Enqueue(new Seen(request.Method, request.Path + request.QueryString, Header(request, "Cookie"), Header(request, "User-Agent"), Header(request, "api-subscription-key")));
            if (respond is not null && await respond(context))
            {
                return;
            }

            if (request.Path == LbnlPath)
            {
                await context.Response.Body.WriteAsync(Lbnl);
            }
            else if (request.Path == PagePath && Header(request, "Cookie")?.Contains(CookieCheck, StringComparison.Ordinal) == true)
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.Body.WriteAsync(Page);
            }
            else if (request.Path == PagePath)
            {
                CookieCheckRedirect(context);
            }
            else
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("Not found");
            }
        });

    /// <summary>ASP.NET's cookie detection: 302, the cookie, and the page's address with the check in its query.</summary>
    private static void CookieCheckRedirect(HttpContext context)
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.SetCookie = CookieCheck + "; path=/";
        context.Response.Headers.Location = PagePath + "?" + CookieCheck;
    }

    [Fact]
    public async Task FetchEachAsync_IsoNePageBehindTheCookieCheck_FollowsTheRedirectWithTheCookieAndArchivesThePage()
    {
        var seen = new ConcurrentQueue<Seen>();
        await using var server = await ServeAsync(seen);
        await using var services = Services(server, new() { ["Sources:Queues:Files:1:Url"] = Local(server, PagePath), ["Sources:Queues:Files:1:Format"] = "isone" });

        var first = await FetchEachAsync(services);
        var second = await FetchEachAsync(services);

        Assert.Empty(first.Failures);
        var page = Assert.Single(first.Files, f => f.FileName == "isone_external.html");
        Assert.Equal(Page.Length, page.Bytes);
        Assert.Equal(Page, await File.ReadAllBytesAsync(page.LocalPath));
        // Each fetch starts without cookies (none kept between requests): the check is asked, and passed, each time.
        var expected = new[] { new Seen("GET", PagePath, null, QueuesSource.UserAgent, null), new Seen("GET", PagePath + "?" + CookieCheck, CookieCheck, QueuesSource.UserAgent, null) };
        Assert.Equal([.. expected, .. expected], seen.Where(s => s.PathAndQuery.StartsWith(PagePath, StringComparison.Ordinal)));
        Assert.Empty(second.Failures);
    }

    [Fact]
    public async Task FetchEachAsync_IsoNePageAlwaysRedirects_FailsIsoNeNamingTheUrlAfterTheRedirectLimit()
    {
        var seen = new ConcurrentQueue<Seen>();
        await using var server = await ServeAsync(seen, context =>
        {
            if (context.Request.Path != PagePath)
            {
                return Task.FromResult(false);
            }

            CookieCheckRedirect(context);
            return Task.FromResult(true);
        });
        var url = Local(server, PagePath);
        await using var services = Services(server, new() { ["Sources:Queues:Files:1:Url"] = url, ["Sources:Queues:Files:1:Format"] = "isone" });

        var fetched = await FetchEachAsync(services);

        Assert.Equal(["LBNL_Ix_Queue_Data_File_thru2025.xlsx"], fetched.Files.Select(f => f.FileName));
        var failure = Assert.Single(fetched.Failures);
        Assert.Equal(("ISO-NE", "Sources:Queues:Files:1", FailureStage.Fetch), (failure.Missing, failure.Setting, failure.Stage));
        Assert.Equal(
            $"queues: isone_external.html: HTTP 302 Found: {url} kept redirecting (last to {PagePath}?{CookieCheck}): a redirect loop, or from https to http, which is not followed.",
            failure.Error);
        // One request and the redirects allowed, not retried: a redirect is no transient failure.
        Assert.Equal(1 + RedirectCookiesHandler.MaxRedirects, seen.Count(s => s.PathAndQuery.StartsWith(PagePath, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task FetchEachAsync_IsoNeEntryNamingTheExport_ArchivesTheWorkbookAsXlsx()
    {
        var seen = new ConcurrentQueue<Seen>();
        var workbook = Path.Combine(TestPaths.NewTempFolder(), "export.xlsx");
        XlsxWriter.Write(workbook, new Sheet("Queue", [["SAMPLE export (test)"], ["Position", "Type", "Requested", "Alternative Name", "Fuel Type", "Net MW", "County", "State"], ["533", "G", 42310.0, "Nor'easter Wind Phase I", "WND", 400.0, "Barnstable", "MA"]]));
        var bytes = await File.ReadAllBytesAsync(workbook);
        await using var server = await ServeAsync(seen, async context =>
        {
            if (context.Request.Path != ExportPath)
            {
                return false;
            }

            await context.Response.Body.WriteAsync(bytes);
            return true;
        });
        await using var services = Services(server, new()
        {
            ["Sources:Queues:Files:1:Url"] = Local(server, ExportPath + "?ReportDate=639000000000000000&Status=&Jurisdiction="),
            ["Sources:Queues:Files:1:Format"] = "isone",
        });

        var fetched = await FetchEachAsync(services);

        Assert.Empty(fetched.Failures);
        Assert.Equal(bytes.Length, Assert.Single(fetched.Files, f => f.FileName == "isone_exportpublicqueue.xlsx").Bytes);
    }

    [Fact]
    public async Task FetchEachAsync_PjmExportRedirectedToAnotherHost_FollowsWithoutTheKey()
    {
        var seen = new ConcurrentQueue<Seen>();
        var pjm = await File.ReadAllBytesAsync(Path.Combine(Snapshot.DefaultRoot, "queues", "pjm", "pjm_ExportToXls.xlsx"));
        LocalHttpServer? server = null;
        server = await ServeAsync(seen, async context =>
        {
            if (context.Request.Path == "/export")
            {
                // The same server by another name: another origin, as a CDN's would be.
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = new UriBuilder(server!.BaseAddress) { Host = "localhost", Path = "/moved/export.xlsx" }.Uri.ToString();
                return true;
            }

            if (context.Request.Path == "/moved/export.xlsx")
            {
                await context.Response.Body.WriteAsync(pjm);
                return true;
            }

            return false;
        });
        await using (server)
        {
            await using var services = Services(server, new()
            {
                ["Sources:Queues:Files:1:Url"] = Local(server, "/export"),
                ["Sources:Queues:Files:1:Format"] = "pjm",
                ["Sources:Queues:PjmSubscriptionKey"] = Key,
            });

            var fetched = await FetchEachAsync(services);

            Assert.Empty(fetched.Failures);
            Assert.Equal(pjm.Length, Assert.Single(fetched.Files, f => f.FileName == "pjm_export.xlsx").Bytes);
            Assert.Equal(
                [new Seen("POST", "/export", null, QueuesSource.UserAgent, Key), new Seen("GET", "/moved/export.xlsx", null, QueuesSource.UserAgent, null)],
                seen.Where(s => s.PathAndQuery != LbnlPath));
        }
    }
}
