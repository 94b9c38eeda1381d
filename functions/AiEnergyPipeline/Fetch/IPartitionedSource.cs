namespace AiEnergyPipeline.Fetch;

/// <summary>
/// A source whose files are partitions, fetched and normalised one at a time (possibly on
/// different instances) and reused while unchanged: EIA-930's six-month BALANCE files.
/// </summary>
public interface IPartitionedSource : ISource
{
    /// <summary>The partitions to ingest now, in order (names safe as path segments).</summary>
    /// <exception cref="SourceException">The list of partitions cannot be fetched or read.</exception>
    Task<IReadOnlyList<string>> PlanAsync(RawArchive archive, CancellationToken cancellationToken);

    /// <summary>The files the plan was read from, as last fetched (from their fetch state, no request): provenance for the data package.</summary>
    Task<IReadOnlyList<FetchedFile>> PlanInputsAsync(RawArchive archive, CancellationToken cancellationToken);

    /// <summary>The source file of a partition.</summary>
    /// <exception cref="ArgumentException">The name is not a partition of this source.</exception>
    string FileNameOf(string partition);

    /// <summary>Fetches one partition's file, conditionally: an unchanged file comes back <see cref="FetchedFile.NotModified"/>, not downloaded.</summary>
    /// <exception cref="SourceException">The file cannot be fetched.</exception>
    Task<FetchedFile> FetchPartitionAsync(string partition, RawArchive archive, CancellationToken cancellationToken);
}
