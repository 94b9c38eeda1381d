using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace AiEnergyPipeline.Bench;

/// <summary>
/// Serves one generated BALANCE file the way EIA's file server does: Kestrel on 127.0.0.1 (a free
/// port), the file under its real name, with Content-Length, Last-Modified and an ETag, and 304 Not
/// Modified to a conditional request that matches them. It runs in the parent bench process, so
/// that the phase it serves (in a child) is measured alone, as against a remote server.
/// </summary>
internal sealed class BalanceFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BalanceFileServer(WebApplication app, Uri folder)
    {
        _app = app;
        Folder = folder;
    }

    /// <summary>The folder URL the file is under (Sources:Eia930Bulk:Url).</summary>
    public Uri Folder { get; }

    /// <summary>How many requests were answered, and how many of them with 304.</summary>
    public int Requests { get; private set; }

    public int NotModified { get; private set; }

    /// <summary>The CPU seconds this process (the server, mostly) used while the e2e phase ran: the same machine's cores.</summary>
    public double CpuSeconds { get; set; }

    /// <param name="servedName">The file's name on the server; null serves it under every six-month BALANCE name (the history bench).</param>
    public static async Task<BalanceFileServer> StartAsync(string csvPath, string? servedName)
    {
        var info = new FileInfo(csvPath);
        // Like a static file server: the validators come from the file's time and length.
        var lastModified = new DateTimeOffset(info.LastWriteTimeUtc.Ticks - info.LastWriteTimeUtc.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var etag = new EntityTagHeaderValue($"\"{lastModified.ToUnixTimeSeconds():x}-{info.Length:x}\"");
        // No reloading of settings on change: that watches the content root (the working folder) and
        // every folder under it, where the phases write their outputs when --dir is under it; on Linux
        // every write then reached this process as an inotify event, on the cores the child runs on.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = ["--hostBuilder:reloadConfigOnChange=false"] });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        BalanceFileServer? server = null;
        app.MapGet("/{name}", (string name, HttpContext context) =>
        {
            server!.Requests++;
            if (servedName is null ? Sources.Eia930.BalanceHalfYear.FromFileName(name) is null : name != servedName)
            {
                return Results.NotFound();
            }

            // PhysicalFile answers Content-Length, Last-Modified and ETag, and 304 to a matching condition.
            var result = Results.File(info.FullName, "text/csv", lastModified: lastModified, entityTag: etag);
            if (context.Request.Headers.IfNoneMatch.ToString() == etag.ToString())
            {
                server.NotModified++;
            }

            return result;
        });
        await app.StartAsync();
        server = new BalanceFileServer(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
        await server.WarmAsync(servedName ?? new Sources.Eia930.BalanceHalfYear(2025, 2).FileName, etag);
        return server;
    }

    /// <summary>
    /// One conditional request for the file before any phase, answered 304 and not counted: a
    /// remote server is warm, and the time this server's code takes to compile its first answer is
    /// not the product's.
    /// </summary>
    private async Task WarmAsync(string name, EntityTagHeaderValue etag)
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Folder, name));
        request.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, etag.ToString());
        using var response = await client.SendAsync(request);
        if (response.StatusCode != System.Net.HttpStatusCode.NotModified)
        {
            throw new InvalidOperationException($"the bench server answered its warm-up request with {(int)response.StatusCode}, not 304");
        }

        Requests = 0;
        NotModified = 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
