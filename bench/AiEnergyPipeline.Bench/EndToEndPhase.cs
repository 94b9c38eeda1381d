using AiEnergyPipeline.Hosting;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Bench;

/// <summary>
/// The e2e phase: the product's own partition step, composed exactly as the app and the CLI compose
/// it (<see cref="PipelineServiceCollectionExtensions.AddAiEnergyPipeline"/>, live mode, a folder
/// store), asked to process one EIA-930 BALANCE partition whose file a local Kestrel server serves
/// (<see cref="BalanceFileServer"/>): the conditional GET through the source's HttpClient pipeline
/// (whole-body retry, standard resilience handler), the raw archive, the normalisation and the
/// partition's ba_hourly CSV and Parquet written to the store. It is the call the fan-out makes per
/// partition (<see cref="IPartitionedIngest.ProcessPartitionAsync"/>); the plan is made here rather
/// than by the planner, which would also ask the live EIA-860M server for its vintages.
/// </summary>
internal static class EndToEndPhase
{
    /// <summary>The name the file is served under: a real half-year, so that it is a partition.</summary>
    public const string ServedName = "EIA930_BALANCE_2024_Jan_Jun.csv";

    /// <summary>Where the phase's folder store is, under its output folder.</summary>
    public const string StoreFolder = "store";

    /// <param name="partitions">
    /// How many half-years to process one after the other in this process, as one instance drains
    /// its queue (the history bench): 2024 H1 alone by default, else back from 2025 H2.
    /// </param>
    public static async Task RunAsync(Uri folder, string outputDirectory, int partitions = 1)
    {
        var names = partitions == 1 ? [ServedName] : HalfYears(partitions);
        var settings = new Dictionary<string, string?>
        {
            [$"{PipelineOptions.Section}:{nameof(PipelineOptions.Mode)}"] = nameof(SourceMode.Live),
            [$"{PipelineOptions.Section}:{nameof(PipelineOptions.WorkDirectory)}"] = Path.Combine(outputDirectory, "work"),
            [$"{PublishedStorageOptions.Section}:{nameof(PublishedStorageOptions.Path)}"] = Path.Combine(outputDirectory, StoreFolder),
            [$"{Eia930BulkOptions.Section}:{nameof(Eia930BulkOptions.Url)}"] = folder.AbsoluteUri,
        };
        for (var i = 0; i < names.Count; i++)
        {
            settings[$"{Eia930BulkOptions.Section}:{nameof(Eia930BulkOptions.Files)}:{i}"] = names[i];
        }

        var composing = System.Diagnostics.Stopwatch.GetTimestamp();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; }).AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevelFromEnvironment()))
            .AddAiEnergyPipeline(configuration);
        await using var provider = services.BuildServiceProvider();
        var ingest = provider.GetRequiredService<IPartitionedIngest>();
        // What a cold instance pays before its first partition: composing the pipeline and resolving the ingest.
        Console.Error.WriteLine(System.FormattableString.Invariant($"e2e: composed in {System.Diagnostics.Stopwatch.GetElapsedTime(composing).TotalSeconds:F2} s ({System.Runtime.JitInfo.GetCompiledMethodCount()} methods JIT-compiled in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F2} s since the process started)"));
        var time = provider.GetRequiredService<TimeProvider>();
        var keys = names.Select(n => new PartitionKey(Eia930BulkSource.SourceName, BalanceHalfYear.FromFileName(n)!.PartitionName)).ToList();
        var plan = new IngestPlan(RunId.Create(time.GetUtcNow(), Guid.NewGuid().ToString("N")), "bench", time.GetUtcNow(), keys);
        foreach (var partition in keys)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var outcome = await ingest.ProcessPartitionAsync(plan, partition, CancellationToken.None);
            if (outcome.Error is not null || outcome.Status != PartitionStatus.Normalised)
            {
                throw new InvalidOperationException($"e2e: partition {partition} ended {outcome.Status}: {outcome.Error}");
            }

            // The resident set after each partition: one instance drains many, and its memory should stay flat.
            Console.Error.WriteLine(System.FormattableString.Invariant($"e2e: {partition.Name}: {outcome.RowsOut} ba_hourly rows in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F2} s; resident {Environment.WorkingSet / 1e6:F0} MB, peak {ProcessStatus.PeakResidentMb():F0} MB, heap {GC.GetTotalMemory(false) / 1e6:F0} MB"));
        }

        Console.Error.WriteLine($"e2e: store: {string.Join(", ", PublishedFiles(outputDirectory).Take(2).Select(f => $"{f.Name} {f.Length / 1e6:F1} MB"))}");
    }

    // BENCH_LOG=Information shows the product's own log lines, time-stamped, to see where the time goes.
    private static LogLevel LogLevelFromEnvironment() =>
        Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("BENCH_LOG"), out var level) ? level : LogLevel.Warning;

    /// <summary>The BALANCE file names of the last <paramref name="count"/> half-years up to 2025 H2.</summary>
    public static List<string> HalfYears(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new BalanceHalfYear(2025 - i / 2, i % 2 == 0 ? 2 : 1).FileName)];

    /// <summary>The partition's CSV and Parquet in the phase's store (the partition cache), for their sizes.</summary>
    public static IEnumerable<FileInfo> PublishedFiles(string outputDirectory)
    {
        var partitions = Path.Combine(outputDirectory, StoreFolder, "partitions");
        return Directory.Exists(partitions)
            ? new DirectoryInfo(partitions).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => f.Extension is ".csv" or ".parquet")
            : [];
    }
}
