using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>The pipeline's real composition, with settings and a clock that a test chooses.</summary>
internal static class TestPipeline
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 6, 0, 0, TimeSpan.Zero);

    /// <param name="configure">Changes to the composition after the pipeline's own, such as a store that fails.</param>
    public static ServiceProvider Build(IDictionary<string, string?> settings, TimeProvider? time = null, CapturedLogs? logs = null, Action<IServiceCollection>? configure = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Pipeline:Mode"] = "Snapshot",
            ["Pipeline:WorkDirectory"] = TestPaths.NewTempFolder(),
            ["Sources:Http:RetryDelay"] = "00:00:00.010",
            ["Sources:Http:MaxRetries"] = "3",
            ["Sources:Http:AttemptTimeout"] = "00:00:10",
            ["Sources:Http:TotalTimeout"] = "00:00:30",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        // The real clock unless a test needs another: retry back-off waits on it.
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddAiEnergyPipeline(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static Dictionary<string, string?> FolderStore(string folder) => new() { ["PublishedStorage:Path"] = folder };

    /// <summary>One ingest run on the bundled snapshot (or a changed copy of it), published to a folder.</summary>
    public static async Task<AiEnergyPipeline.Pipeline.RunOutcome> RunIngestAsync(string store, string? snapshot = null, TimeProvider? time = null, IDictionary<string, string?>? settings = null)
    {
        var all = FolderStore(store);
        if (snapshot is not null)
        {
            all["Pipeline:SnapshotPath"] = snapshot;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        await using var services = Build(all, time);
        return await RunIngestAsync(services);
    }

    /// <summary>
    /// One ingest run as the CLI, the timer and POST /api/ingest (fan-out off) make it: the sweep at
    /// its start, then the plan, every partition and the completion in this process.
    /// </summary>
    public static Task<AiEnergyPipeline.Pipeline.RunOutcome> RunIngestAsync(IServiceProvider services) =>
        services.GetRequiredService<IngestRunner>().RunInProcessAsync("test", CancellationToken.None);

    /// <summary>
    /// How each partition of the in-process run that ended in <paramref name="outcome"/> ended, from
    /// the fan-out's markers in a folder store: a run failed by a partition reports its sources, not its partitions.
    /// </summary>
    public static async Task<IReadOnlyDictionary<AiEnergyPipeline.Pipeline.PartitionKey, AiEnergyPipeline.Pipeline.PartitionOutcome>> PartitionOutcomesAsync(string store, AiEnergyPipeline.Pipeline.RunOutcome outcome)
    {
        var work = new FanOutWorkState(new AiEnergyPipeline.Storage.FileSystemDatasetStore(store), TimeProvider.System);
        foreach (var planId in Directory.GetDirectories(Path.Combine(store, FanOutWorkState.Root)).Select(Path.GetFileName))
        {
            if ((await work.ReadOutcomeAsync(planId!, CancellationToken.None))?.RunId == outcome.RunId)
            {
                return await work.ReadAllDoneAsync(await work.ReadPlanAsync(planId!, CancellationToken.None), CancellationToken.None);
            }
        }

        throw new Xunit.Sdk.XunitException($"no plan under {store}/{FanOutWorkState.Root} ended as run {outcome.RunId}");
    }

    /// <summary>
    /// A recompute of the latest run with a request built in code rather than a body: latest.json is
    /// read here once and handed to the pipeline, as <see cref="RecomputeEntry"/> does.
    /// </summary>
    public static async Task<RunOutcome> RecomputeAsync(IServiceProvider services, AiEnergyPipeline.Recompute.RecomputeRequest request)
    {
        await services.GetRequiredService<AiEnergyPipeline.Pipeline.Sweep.StoreSweeper>().SweepAtRunStartAsync(RecomputePipeline.Trigger, CancellationToken.None);
        var latest = await services.GetRequiredService<AiEnergyPipeline.Publish.RunPublisher>().ReadLatestAsync(CancellationToken.None);
        return await services.GetRequiredService<RecomputePipeline>().RunAsync(request, latest, "test", CancellationToken.None);
    }

    /// <summary>A recompute of the latest run in a folder store, by a pipeline whose clock is <paramref name="hoursLater"/> after <see cref="Now"/>.</summary>
    public static async Task<RunOutcome> RecomputeAsync(string store, AiEnergyPipeline.Recompute.RecomputeRequest request, int hoursLater = 1)
    {
        await using var services = Build(FolderStore(store), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now.AddHours(hoursLater)));
        return await RecomputeAsync(services, request);
    }

    /// <summary>A published JSON file's root element.</summary>
    public static System.Text.Json.JsonElement ReadJson(string path) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.Clone();

    public static Dictionary<string, string?> BlobStore(string container) => new()
    {
        ["PublishedStorage:ConnectionString"] = Azurite.ConnectionString,
        ["PublishedStorage:Container"] = container,
    };
}
