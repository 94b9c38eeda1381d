using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) that answers with whatever the test
/// says: recorded files, errors, cut-off bodies. It records every request it gets.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalHttpServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Path and query of every request, in the order they came.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<LocalHttpServer> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        LocalHttpServer? server = null;
        app.Run(async context =>
        {
            server!.Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            await handler(context);
        });
        await app.StartAsync();
        server = new LocalHttpServer(app, new Uri(app.Urls.First().TrimEnd('/') + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
