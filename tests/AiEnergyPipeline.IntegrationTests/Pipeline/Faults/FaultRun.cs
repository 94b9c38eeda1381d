using AiEnergyPipeline.Functions;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Vocabulary;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.Faults;

/// <summary>
/// Live runs of the whole pipeline against a <see cref="FaultServer"/>, published to a fresh
/// Azurite container, with small retry delays and time-outs so that each fault plays out in
/// well under a second or two.
/// </summary>
internal sealed partial class FaultRun(FaultServer server, BlobContainerClient container)
{
    public const int MaxRetries = 2;
    public const int BodyRetries = 1;
    // Well past the 200 ms a cut-off body waits before the server drops it (Fault.CutBody): on a
    // loaded 2-core machine a shorter one took that pause for a stall, and the test saw the wrong cause
    // (at 1 s too, once in a full run on 2026-11-30: the server's drop came over a second late).
    public static readonly TimeSpan BodyIdleTimeout = TimeSpan.FromSeconds(2);

    public FaultServer Server { get; } = server;
    public BlobContainerClient Container { get; } = container;
    public CapturedLogs Logs { get; } = new();

    public static async Task<FaultRun> StartAsync() => new(await FaultServer.StartAsync(), Azurite.NewContainer());

    public Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = Server.LiveSettings();
        foreach (var (key, value) in TestPipeline.BlobStore(Container.Name))
        {
            settings[key] = value;
        }

        settings["Sources:Http:MaxRetries"] = MaxRetries.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Sources:Http:RetryDelay"] = "00:00:00.020";
        settings["Sources:Http:AttemptTimeout"] = "00:00:03";
        settings["Sources:Http:TotalTimeout"] = "00:00:20";
        settings["Sources:Http:BodyIdleTimeout"] = BodyIdleTimeout.ToString();
        settings["Sources:Http:BodyRetries"] = BodyRetries.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public ServiceProvider Services(IDictionary<string, string?>? extra = null) => TestPipeline.Build(Settings(extra), logs: Logs);

    /// <summary>One run as the CLI and the timer make it: every partition in this process (<see cref="TestPipeline.RunIngestAsync(IServiceProvider)"/>).</summary>
    public async Task<RunOutcome> RunAsync(IDictionary<string, string?>? extra = null)
    {
        await using var services = Services(extra);
        return await TestPipeline.RunIngestAsync(services);
    }

    /// <summary>One run through the HTTP adapter, <c>POST /api/ingest</c>: its status and body (problem details when it failed).</summary>
    public async Task<(int Status, JsonElement Body)> PostIngestAsync(IDictionary<string, string?>? extra = null)
    {
        await using var services = Services(extra);
        var function = ActivatorUtilities.CreateInstance<IngestFunction>(services);
        var request = new DefaultHttpContext { RequestServices = services, Request = { Method = "POST" } }.Request;
        var result = Assert.IsType<ObjectResult>(await function.RunAsync(request, CancellationToken.None), exactMatch: false);
        return (result.StatusCode ?? 200, JsonSerializer.SerializeToElement(result.Value, result.Value!.GetType()));
    }

    /// <summary>The run id in a failure message ("Run {id} failed, ..." or "Run {id} (plan {planId}) failed, ...").</summary>
    public static string RunIdIn(string message) => FailedRun().Match(message) is { Success: true } m ? m.Groups[1].Value : throw new Xunit.Sdk.XunitException($"no run id in: {message}");

    public async Task<byte[]?> ReadAsync(string path)
    {
        var blob = Container.GetBlobClient(path);
        if (!await blob.ExistsAsync())
        {
            return null;
        }

        return (await blob.DownloadContentAsync()).Value.Content.ToArray();
    }

    public async Task<JsonElement> ReadJsonAsync(string path) =>
        JsonDocument.Parse(await ReadAsync(path) ?? throw new Xunit.Sdk.XunitException($"{path} is not in the container")).RootElement.Clone();

    /// <summary>Every blob of the container: path and bytes.</summary>
    public async Task<List<(string Path, byte[] Bytes)>> ReadAllAsync()
    {
        var all = new List<(string, byte[])>();
        await foreach (var item in Container.GetBlobsAsync())
        {
            all.Add((item.Name, (await Container.GetBlobClient(item.Name).DownloadContentAsync()).Value.Content.ToArray()));
        }

        return all;
    }

    /// <summary>Seconds between two of the server's request timestamps.</summary>
    public static double SecondsBetween(FaultRequest first, FaultRequest second) => Stopwatch.GetElapsedTime(first.Timestamp, second.Timestamp).TotalSeconds;

    [GeneratedRegex(@"Run (\S+) (?:\(plan \S+\) )?failed")]
    private static partial Regex FailedRun();
}
