using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Sources.Eia930;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Http;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>One request that <see cref="FaultServer"/> answered: the snapshot file asked for, how, and when (a <see cref="Stopwatch"/> timestamp).</summary>
public sealed record FaultRequest(string PathAndQuery, string? File, string Fault, long Timestamp);

/// <summary>
/// A real HTTP server (Kestrel on loopback) that serves every source's files from the bundled
/// snapshot, at <c>/{host}/{path}</c> of each real URL, so that a live run of the whole pipeline
/// fetches through it. Each snapshot file can be given a script of faults, answered in order
/// (the last repeats): <c>[Fault.Status(500), Fault.Ok]</c> fails once, then serves the file.
/// Every request is recorded with its time, for counts and the spacing of retries.
/// </summary>
public sealed class FaultServer : IAsyncDisposable
{
    private readonly Snapshot _snapshot;
    private readonly ConcurrentDictionary<string, Queue<Fault>> _scripts = new(StringComparer.Ordinal);
    private LocalHttpServer? _server;

    private FaultServer(Snapshot snapshot) => _snapshot = snapshot;

    public Uri BaseAddress => _server!.BaseAddress;

    public ConcurrentQueue<FaultRequest> Requests { get; } = new();

    public static async Task<FaultServer> StartAsync(string? snapshotRoot = null)
    {
        var server = new FaultServer(Snapshot.Load(snapshotRoot ?? Snapshot.DefaultRoot));
        server._server = await LocalHttpServer.StartAsync(server.AnswerAsync);
        return server;
    }

    /// <summary>Answers requests for <paramref name="file"/> (a snapshot file, such as "eia930/bulk/x.csv") with these faults in turn; the last one repeats.</summary>
    public void Script(string file, params Fault[] faults)
    {
        Assert.Contains(_snapshot.Routes, r => r.File == file);
        Assert.NotEmpty(faults);
        _scripts[file] = new Queue<Fault>(faults);
    }

    public IReadOnlyList<FaultRequest> RequestsFor(string file) => Requests.Where(r => r.File == file).ToList();

    /// <summary>Where this server answers for a real URL.</summary>
    public Uri LocalUrl(Uri real) => new(BaseAddress, real.Host + real.PathAndQuery);

    /// <summary>
    /// Settings of a live run against this server: the snapshot's own settings (pinned months,
    /// files, API window) with every source URL pointed here.
    /// </summary>
    public Dictionary<string, string?> LiveSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Pipeline:Mode"] = "Live" };
        foreach (var (key, value) in _snapshot.Settings)
        {
            settings[key] = Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? LocalUrl(url).ToString() : value;
        }

        settings[$"{Eia930BulkOptions.Section}:Url"] = LocalUrl(new Eia930BulkOptions().Url).ToString();
        settings[$"{Eia930ApiOptions.Section}:Url"] = LocalUrl(new Eia930ApiOptions().Url).ToString();
        settings[$"{Eia860mOptions.Section}:Url"] = LocalUrl(new Eia860mOptions().Url).ToString();
        settings[$"{EmberOptions.Section}:Url"] = LocalUrl(new EmberOptions().Url).ToString();
        return settings;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!.TrimStart('/');
        var route = _snapshot.Find(new Uri("https://" + path + context.Request.QueryString));
        if (route is null)
        {
            Requests.Enqueue(new FaultRequest(context.Request.Path + context.Request.QueryString, null, "404", Stopwatch.GetTimestamp()));
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("Not found");
            return;
        }

        var fault = Fault.Ok;
        if (_scripts.TryGetValue(route.File, out var script))
        {
            lock (script)
            {
                fault = script.Count > 1 ? script.Dequeue() : script.Peek();
            }
        }

        Requests.Enqueue(new FaultRequest(context.Request.Path + context.Request.QueryString, route.File, fault.Name, Stopwatch.GetTimestamp()));
        await fault.Respond(context, await File.ReadAllBytesAsync(_snapshot.FilePath(route)));
    }

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;
}
