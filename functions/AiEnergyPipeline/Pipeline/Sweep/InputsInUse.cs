using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline.Sweep;

/// <summary>
/// The raw files and the partition entries (by their file's sha256) something still needs: a run
/// the sweep keeps (its data package's sources: what <c>aienergy verify</c> checks and a reader
/// downloads), a source file's fetch state (a 304 Not Modified reuses its raw file, and its sha256
/// finds the partition entry), and a plan record younger than the plan expiry (that plan's completion
/// copies the entry it names).
/// </summary>
/// <param name="RawPaths">Null when a kept run's data package could not be read: then no raw file is known to be unused.</param>
internal sealed record InputsInUse(IReadOnlySet<string>? RawPaths, IReadOnlySet<string> Sha256s)
{
    public static async Task<InputsInUse> ReadAsync(IDatasetStore store, IReadOnlyList<StoredObjectInfo> listing, IReadOnlyList<StoredRunFolder> keptRuns, DateTimeOffset now, TimeSpan planExpiry, CancellationToken cancellationToken)
    {
        HashSet<string>? raw = new(StringComparer.Ordinal);
        var sha256s = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in keptRuns)
        {
            if (run.Unreadable || raw is null)
            {
                raw = null;
                continue;
            }

            try
            {
                foreach (var source in (await PublishedRun.ReadPackageAsync(store, run.RunId, cancellationToken)).Sources ?? [])
                {
                    raw.Add(source.RawPath);
                    sha256s.Add(source.Sha256);
                }
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or DamagedRunException)
            {
                raw = null;
            }
        }

        // A fetch state or a plan record that cannot be read needs nothing: the file is then fetched whole, and that plan cannot complete.
        foreach (var info in listing.Where(i => i.Path.StartsWith(FetchState.Folder, StringComparison.Ordinal) && i.Path.EndsWith(".json", StringComparison.Ordinal)))
        {
            if (await TryReadAsync<FetchState>(store, info.Path, cancellationToken) is { } state)
            {
                raw?.Add(state.RawPath);
                sha256s.Add(state.Sha256);
            }
        }

        // A record's age, as the sweep judges records: from the newer of its plan's start (its name) and its last write.
        foreach (var info in listing.Where(i => IsPlanRecord(i.Path) && now - Latest(RunId.StartOf(Path.GetFileNameWithoutExtension(i.Path)), i.LastModified ?? now) <= planExpiry))
        {
            if (await TryReadAsync<PartitionRecord>(store, info.Path, cancellationToken) is { Fetched: { } fetched })
            {
                raw?.Add(fetched.RawPath);
                sha256s.Add(fetched.Sha256);
            }
        }

        return new InputsInUse(raw, sha256s);
    }

    private static DateTimeOffset Latest(DateTimeOffset? a, DateTimeOffset b) => a is { } start && start > b ? start : b;

    private static bool IsPlanRecord(string path)
    {
        var segments = path.Split('/');
        return segments.Length == 5 && segments[0] == PartitionCache.Root && segments[3] == PartitionCache.PlanRecords;
    }

    private static async Task<T?> TryReadAsync<T>(IDatasetStore store, string path, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            await using var stored = await store.OpenReadAsync(path, cancellationToken);
            return stored is null ? null : await PublishedJson.DeserializeAsync<T>(stored.Content, cancellationToken);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
