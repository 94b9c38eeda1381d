using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Publish;

/// <summary>Describes a run as a Frictionless-style data package: every resource and every source.</summary>
public static class DataPackageBuilder
{
    public static DataPackage Build(string runId, DateTimeOffset created, string inputsSha256, string modelVersion, IReadOnlyList<StagedTable> tables, IReadOnlyList<FetchedFile> inputs, IReadOnlyDictionary<string, SourceCitation> citations)
    {
        var resources = Resources(tables);
        var sources = inputs.Select(f => new DataSource(
            f.Source,
            citations.TryGetValue(f.Source, out var citation) ? citation.Title : f.Source,
            f.Origin,
            f.Url,
            f.FileName,
            f.RawPath,
            // Only a fetch has a fetch time: a sample, a replayed recording or a curated file of the
            // project's own was not fetched by this run (a curated file's sha256 names its version).
            f.Origin is InputOrigin.Fetched ? f.FetchedAtUtc : null,
            f.Sha256,
            f.Bytes,
            f.Origin == InputOrigin.Sample ? null : f.ETag,
            f.Origin == InputOrigin.Sample ? null : f.LastModified,
            f.RecordedAtUtc,
            f.SampleOf)).ToList();

        return new DataPackage(
            "data-package",
            "aienergy-pipeline",
            runId,
            "US AI demand versus firm power supply: normalised inputs and the gap",
            created,
            inputsSha256,
            resources,
            sources,
            inputs.Select(f => f.Source).Distinct().Where(citations.ContainsKey).Select(s => citations[s].Licence).Distinct().ToList(),
            Mode: RunMode.Of(inputs),
            ModelVersion: modelVersion,
            CodeVersion: CodeVersion.Current);
    }

    /// <summary>The resources describing staged files, in their order.</summary>
    public static IReadOnlyList<DataResource> Resources(IReadOnlyList<StagedTable> tables) =>
        tables.Select(t => new DataResource(
            t.ResourceName,
            // Relative to the data package, as Frictionless resolves paths.
            t.RelativePath,
            t.Format,
            ContentTypes.ForExtension(t.Format).Split(';')[0],
            // Parquet is binary: it has no text encoding.
            t.Format == StagedTable.ParquetFormat ? null : "utf-8",
            t.Schema.Title,
            t.Format == StagedTable.ParquetFormat ? $"{t.Schema.Description} {ParquetNote}" : t.Schema.Description,
            t.Bytes,
            "sha256:" + t.Sha256,
            t.Sha256,
            // Rows and a table schema describe tables (CSV and Parquet) only; a JSON or SVG file has its format and media type.
            t.HasRows ? t.Rows : null,
            t.HasRows ? new ResourceSchema(t.Schema.Fields, t.Schema.PrimaryKey) : null,
            t.Part is null && t.Format != StagedTable.ParquetFormat ? null : t.Schema.Name,
            t.Part,
            t.InputsOrSources)).ToList();

    /// <summary>How a Parquet sibling stores the schema's types, said in its resource's description.</summary>
    public const string ParquetNote =
        "Parquet: the same rows and columns as the CSV; string and yearmonth as UTF-8 strings, number as double, integer as int64, year as int32, "
        + "boolean as boolean, date as DATE, datetime as " + ParquetSchemas.DateTimeEncoding + "; empty CSV cells are nulls.";
}
