using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Publish;

/// <summary>Describes a run as a Frictionless-style data package: every resource and every source.</summary>
public static class DataPackageBuilder
{
    public static DataPackage Build(string runId, DateTimeOffset created, string inputsSha256, IReadOnlyList<StagedTable> tables, IReadOnlyList<FetchedFile> inputs, IReadOnlyDictionary<string, SourceCitation> citations)
    {
        var resources = tables.Select(t => new DataResource(
            t.Schema.Name,
            // Relative to the data package, as Frictionless resolves paths.
            $"data/{t.Schema.Name}.{t.Format}",
            t.Format,
            ContentTypes.ForExtension(t.Format).Split(';')[0],
            "utf-8",
            t.Schema.Title,
            t.Schema.Description,
            t.Bytes,
            "sha256:" + t.Sha256,
            t.Sha256,
            t.Rows,
            new ResourceSchema(t.Schema.Fields, t.Schema.PrimaryKey))).ToList();

        var sources = inputs.Select(f => new DataSource(
            f.Source,
            citations.TryGetValue(f.Source, out var citation) ? citation.Title : f.Source,
            f.Url,
            f.FileName,
            f.RawPath,
            f.FetchedAtUtc,
            f.Sha256,
            f.Bytes,
            f.ETag,
            f.LastModified)).ToList();

        return new DataPackage(
            "data-package",
            "aienergy-pipeline",
            runId,
            "US AI demand versus firm power supply: normalised inputs",
            created,
            inputsSha256,
            resources,
            sources,
            inputs.Select(f => f.Source).Distinct().Where(citations.ContainsKey).Select(s => citations[s].Licence).Distinct().ToList());
    }
}
