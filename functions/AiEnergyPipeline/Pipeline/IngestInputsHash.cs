using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Tables;
using System.Text;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// What an ingest run's outputs depend on, as one sha256: every input file's bytes (each
/// partition's among them) and origin (every row says it: the same bytes fetched live are not the
/// run that replayed them), in order, <see cref="IngestPipeline.OutputsVersion"/> (the model version
/// and a Parquet codec other than the default), and the files that failed alone (a run without an ISO's file is not the run with it, nor one that never listed it).
/// A run whose hash is the latest run's publishes nothing new; part of the run id.
/// </summary>
public static class IngestInputsHash
{
    public static string Of(IReadOnlyDictionary<string, IReadOnlyList<FetchedFile>> files, IReadOnlyDictionary<string, IReadOnlyList<FileFailure>>? failures = null, ParquetCompression compression = ParquetCompression.Snappy) =>
        Of(files, failures, compression, origin => origin);

    /// <summary>
    /// The hash these inputs would have had fetched live: a replay whose bytes are those of the latest
    /// live run is that run (its rows say fetched, the more direct origin), not a new one.
    /// </summary>
    public static string AsFetched(IReadOnlyDictionary<string, IReadOnlyList<FetchedFile>> files, IReadOnlyDictionary<string, IReadOnlyList<FileFailure>>? failures = null, ParquetCompression compression = ParquetCompression.Snappy) =>
        Of(files, failures, compression, origin => origin == InputOrigin.Recorded ? InputOrigin.Fetched : origin);

    private static string Of(IReadOnlyDictionary<string, IReadOnlyList<FetchedFile>> files, IReadOnlyDictionary<string, IReadOnlyList<FileFailure>>? failures, ParquetCompression compression, Func<InputOrigin, InputOrigin> originOf)
    {
        ArgumentNullException.ThrowIfNull(files);
        var text = new StringBuilder(IngestPipeline.OutputsVersion(compression)).Append('\n');
        foreach (var (source, list) in files.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var file in list)
            {
                text.Append(source).Append('\t').Append(file.FileName).Append('\t').Append(file.Sha256).Append('\t').Append(RowOrigin.Of(originOf(file.Origin))).Append('\n');
            }
        }

        foreach (var (source, list) in (failures ?? new Dictionary<string, IReadOnlyList<FileFailure>>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var failure in list)
            {
                text.Append(source).Append("\tfailed\t").Append(failure.Setting).Append('\t').Append(failure.FileName).Append('\n');
            }
        }

        return Hashing.Sha256OfText(text.ToString());
    }
}
