using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Normalise;

/// <summary>Turns the raw files of one or more sources into canonical tables.</summary>
public interface INormaliser
{
    /// <summary>The sources whose files this normaliser reads.</summary>
    IReadOnlyList<string> Sources { get; }

    /// <summary>The tables it writes.</summary>
    IReadOnlyList<TableSchema> Tables { get; }

    /// <exception cref="SourceException">A file cannot be read at all; the run fails and publishes nothing.</exception>
    Task<IReadOnlyList<StagedTable>> NormaliseAsync(NormaliseContext context, CancellationToken cancellationToken);
}

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
    public IReadOnlyList<Pipeline.PartitionSummary> Partitions { get; init; } = [];

    /// <summary>The store the cached partitions' files are in; set with <see cref="Partitions"/>.</summary>
    public Storage.IDatasetStore? PartitionStore { get; init; }

    /// <summary>The cached partitions of one source, in plan order.</summary>
    public IReadOnlyList<Pipeline.PartitionSummary> PartitionsOf(string source) => Partitions.Where(p => p.Source == source).ToList();

    public IReadOnlyList<FetchedFile> FilesOf(string source) => Files.TryGetValue(source, out var f) ? f : [];

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

/// <summary>Rows of one source: read, written to tables, set aside as superseded by a better source.</summary>
public sealed class SourceCounts
{
    public long RowsIn { get; set; }
    public long RowsOut { get; set; }
    public long RowsSuperseded { get; set; }

    /// <summary>What the report says of the source beyond its counts: a file that failed while the others were read, values kept but not understood.</summary>
    public List<string> Notes { get; } = [];
}

/// <summary>The quarantine table, shared by every normaliser of a run.</summary>
public sealed class QuarantineTable(TableWriter writer)
{
    private readonly Dictionary<string, long> _bySource = [];

    public long Rows => writer.Rows;

    public long CountOf(string source) => _bySource.GetValueOrDefault(source);

    public void Add(QuarantineRecord record)
    {
        writer.Csv.WriteField(record.Source);
        writer.Csv.WriteField(record.File);
        writer.Csv.WriteField(record.RawPath);
        writer.Csv.WriteField(record.Line);
        writer.Csv.WriteField(record.Reason);
        writer.Csv.WriteField(record.Excerpt);
        writer.EndRow();
        _bySource[record.Source] = CountOf(record.Source) + 1;
    }
}
