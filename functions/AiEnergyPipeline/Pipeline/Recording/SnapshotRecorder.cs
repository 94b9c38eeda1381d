using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Text.Json;

namespace AiEnergyPipeline.Pipeline.Recording;

/// <summary>
/// Records a snapshot of the live sources: fetches every file a run would fetch (through the same
/// sources, resilience and redaction) and writes it, with its original URL, validators and time,
/// into a folder in the bundled snapshot's format, with the settings that make a replay ask for
/// the same files. <c>aienergy run --snapshot DIR</c> then replays it offline with origin
/// <c>recorded</c>, and publishes the same tables anywhere. The folder appears whole or not at all.
/// </summary>
public sealed partial class SnapshotRecorder(
    IEnumerable<ISource> sources,
    IConfiguration configuration,
    TimeProvider time,
    IOptions<PipelineOptions> options,
    ILogger<SnapshotRecorder> logger)
{
    private static readonly JsonSerializerOptions IndexJson = new() { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <exception cref="IOException">The folder exists and is not empty.</exception>
    /// <exception cref="SourceException">A source could not be fetched: nothing is written.</exception>
    public async Task<SnapshotRecording> RecordAsync(string outDirectory, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(outDirectory);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new IOException($"{target} exists and is not empty: record into a new folder.");
        }

        if (File.Exists(target))
        {
            // Found before fetching anything: the recording would otherwise end, every source fetched, in a failed move.
            throw new IOException($"{target} is a file: record into a new folder.");
        }

        var parent = Path.GetDirectoryName(target) ?? throw new IOException($"{target} has no parent folder.");
        Directory.CreateDirectory(parent);
        // Beside the target, so that the finished snapshot is moved into place in one step.
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.recording-{Guid.NewGuid():N}");
        using var work = WorkFolder.Create(options.Value);
        try
        {
            // A scratch store of its own: recording never touches a published store, and nothing is conditional.
            var archive = new RawArchive(new FileSystemDatasetStore(work.Combine("store")), work.Raw);
            var writer = new SnapshotWriter(staging);
            var settings = ExplicitSourceSettings();
            foreach (var source in sources.Where(s => s is not CuratedSource))
            {
                LogRecording(source.Name);
                var files = await FetchAllAsync(source, archive, cancellationToken);
                foreach (var file in files)
                {
                    await writer.AddAsync(archive.Store, file, cancellationToken);
                }

                foreach (var (key, value) in source.ReplaySettings(files))
                {
                    settings[key] = value;
                }

                LogRecorded(source.Name, files.Count, files.Sum(f => f.Bytes));
            }

            var recordedAt = time.GetUtcNow();
            var index = new SnapshotIndex(
                Snapshot.RecordedOrigin,
                $"Recorded from the live sources by 'aienergy snapshot record' at {recordedAt:O}: real data, as each source published it then. "
                + "Replay it offline with 'aienergy run --snapshot <this folder>'; cite the sources' licences listed in each run's datapackage.json.",
                settings,
                writer.Routes.ToList(),
                RecordedAt: recordedAt);
            await File.WriteAllBytesAsync(Path.Combine(staging, Snapshot.IndexFileName), JsonSerializer.SerializeToUtf8Bytes(index, IndexJson), cancellationToken);
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(staging, target);
            return new SnapshotRecording(target, writer.Routes.Count, writer.Bytes, recordedAt);
        }
        finally
        {
            WorkFolder.TryDelete(staging);
        }
    }

    /// <summary>Every file a run fetches from the source: for a partitioned one, its list and each partition's file.</summary>
    private static async Task<IReadOnlyList<FetchedFile>> FetchAllAsync(ISource source, RawArchive archive, CancellationToken cancellationToken)
    {
        if (source is not IPartitionedSource partitioned)
        {
            return await source.FetchAsync(archive, cancellationToken);
        }

        var partitions = await partitioned.PlanAsync(archive, cancellationToken);
        var files = new List<FetchedFile>(await partitioned.PlanInputsAsync(archive, cancellationToken));
        foreach (var partition in partitions)
        {
            files.Add(await partitioned.FetchPartitionAsync(partition, archive, cancellationToken));
        }

        return files;
    }

    /// <summary>
    /// The source settings given for this recording (environment, command line): a replay elsewhere
    /// must ask the same URLs. Resilience settings, parse limits and secrets are not the snapshot's business.
    /// </summary>
    private Dictionary<string, string> ExplicitSourceSettings() =>
        configuration.GetSection("Sources").AsEnumerable()
            .Where(p => p.Value is not null
                && !p.Key.StartsWith(SourceHttpOptions.Section + ":", StringComparison.OrdinalIgnoreCase)
                && !p.Key.StartsWith(SourceLimitsOptions.Section + ":", StringComparison.OrdinalIgnoreCase)
                && !p.Key.EndsWith(":" + nameof(Eia930ApiOptions.ApiKey), StringComparison.OrdinalIgnoreCase)
                && !p.Key.EndsWith(":" + nameof(QueuesOptions.PjmSubscriptionKey), StringComparison.OrdinalIgnoreCase))
            .ToDictionary(p => p.Key, p => p.Value!, StringComparer.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "snapshot: recording {Source}")]
    private partial void LogRecording(string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "snapshot: {Source}: {Files} files, {Bytes} bytes recorded")]
    private partial void LogRecorded(string source, int files, long bytes);
}
