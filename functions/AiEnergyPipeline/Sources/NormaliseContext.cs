using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Sources;

/// <summary>What a normaliser works with: the fetched files, a staging folder, the quarantine, and counters.</summary>
public sealed class NormaliseContext(IReadOnlyDictionary<string, IReadOnlyList<FetchedFile>> files, string stagingDirectory, QuarantineTable quarantine)
{
    public IReadOnlyDictionary<string, IReadOnlyList<FetchedFile>> Files { get; } = files;
    public string StagingDirectory { get; } = stagingDirectory;
    public QuarantineTable Quarantine { get; } = quarantine;
    public Dictionary<string, SourceCounts> Counts { get; } = [];

    /// <summary>
    /// Partitions already normalised (and cached) by the partitioned pipeline, of every partitioned
    /// source: their rows are not parsed from the raw files again. Empty when the files are to be read here.
    /// </summary>
    public IReadOnlyList<PartitionSummary> Partitions { get; init; } = [];

    /// <summary>The store the cached partitions' files are in; set with <see cref="Partitions"/>.</summary>
    public IDatasetStore? PartitionStore { get; init; }

    /// <summary>The cached partitions of one source, in plan order.</summary>
    public IReadOnlyList<PartitionSummary> PartitionsOf(string source) => Partitions.Where(p => p.Source == source).ToList();

    public IReadOnlyList<FetchedFile> FilesOf(string source) => Files.TryGetValue(source, out var f) ? f : [];

    /// <summary>The <see cref="Tables.OriginColumn"/> of rows made from the files of these sources in this run.</summary>
    public string OriginOf(params IEnumerable<string> sources) => RowOrigin.Of(sources.SelectMany(FilesOf));

    /// <summary>Files each source could do without that failed to download (<see cref="ISource.FetchEachAsync"/>), by source.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FileFailure>> FetchFailures { get; init; } = new Dictionary<string, IReadOnlyList<FileFailure>>();

    public IReadOnlyList<FileFailure> FetchFailuresOf(string source) => FetchFailures.TryGetValue(source, out var f) ? f : [];

    public SourceCounts CountsOf(string source)
    {
        if (!Counts.TryGetValue(source, out var counts))
        {
            counts = new SourceCounts();
            Counts[source] = counts;
        }

        return counts;
    }
}
