using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;
using System.Text;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// What an ingest run's outputs depend on, as one sha256: every input file's bytes (each
/// partition's among them), in order, and <see cref="IngestPipeline.ModelVersion"/>. A run whose
/// hash is the latest run's publishes nothing new; part of the run id.
/// </summary>
public static class IngestInputsHash
{
    public static string Of(IReadOnlyDictionary<string, IReadOnlyList<FetchedFile>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var text = new StringBuilder(IngestPipeline.ModelVersion).Append('\n');
        foreach (var (source, list) in files.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var file in list)
            {
                text.Append(source).Append('\t').Append(file.FileName).Append('\t').Append(file.Sha256).Append('\n');
            }
        }

        return Hashing.Sha256OfText(text.ToString());
    }
}
