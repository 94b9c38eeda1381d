using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Publish;

/// <summary>Describes a run as a Frictionless-style data package: every resource and every source.</summary>
public static class DataPackageBuilder
{
    public static DataPackage Build(string runId, DateTimeOffset created, string inputsSha256, string modelVersion, IReadOnlyList<StagedTable> tables, IReadOnlyList<FetchedFile> inputs, IReadOnlyDictionary<string, SourceCitation> citations)
    {
        var resources = Resources(tables, [.. inputs.Select(f => new InputFile(f.Source, f.Sha256, f.Origin))]);
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
            Licenses(inputs, citations),
            Mode: RunMode.Of(inputs),
            ModelVersion: modelVersion,
            CodeVersion: CodeVersion.Current);
    }

    /// <summary>
    /// The licence entry of each source, in the order of the inputs: a source's sample files list its
    /// sample entry (written by this project in the publisher's format, not the publisher's data),
    /// any other file the publisher's licence and attribution.
    /// </summary>
    public static IReadOnlyList<Vocabulary.DataLicence> Licenses(IReadOnlyList<FetchedFile> inputs, IReadOnlyDictionary<string, SourceCitation> citations) =>
        inputs.Where(f => citations.ContainsKey(f.Source)).Select(f => citations[f.Source].LicenceOf(f.Origin)).Distinct().ToList();

    /// <summary>The sources with a sample file among the inputs: the tables made from them describe themselves as samples.</summary>
    public static IReadOnlySet<string> SampleSources(IEnumerable<(string Source, InputOrigin Origin)> inputs) =>
        inputs.Where(i => i.Origin == InputOrigin.Sample).Select(i => i.Source).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The resources describing staged files, in their order. A table made from a source with a
    /// sample file among <paramref name="inputs"/> has its schema's sample description
    /// (<see cref="TableSchema.DescriptionFor"/>), and each resource the origin of its rows: the
    /// least direct of the files it names under <c>sources</c> (<see cref="OriginColumn.Combine"/>).
    /// </summary>
    public static IReadOnlyList<DataResource> Resources(IReadOnlyList<StagedTable> tables, IReadOnlyList<InputFile>? inputs = null)
    {
        var sampleSources = inputs is null ? null : SampleSources(inputs.Select(i => (i.Source, i.Origin)));
        return [.. tables.Select(t => new DataResource(
            t.ResourceName,
            // Relative to the data package, as Frictionless resolves paths.
            t.RelativePath,
            t.Format,
            ContentTypes.ForExtension(t.Format).Split(';')[0],
            // Parquet is binary: it has no text encoding.
            t.Format == StagedTable.ParquetFormat ? null : "utf-8",
            t.Schema.Title,
            Description(t, sampleSources),
            t.Bytes,
            "sha256:" + t.Sha256,
            t.Sha256,
            // Rows and a table schema describe tables (CSV and Parquet) only; a JSON or SVG file has its format and media type.
            t.HasRows ? t.Rows : null,
            t.HasRows ? new ResourceSchema(t.Schema.Fields, t.Schema.PrimaryKey) : null,
            t.Part is null && t.Format != StagedTable.ParquetFormat ? null : t.Schema.Name,
            t.Part,
            t.InputsOrSources,
            inputs is null ? null : OriginOf(t, inputs)))];
    }

    /// <summary>One input file of a run, as a resource's origin is worked out from it.</summary>
    public readonly record struct InputFile(string Source, string Sha256, InputOrigin Origin);

    /// <summary>The least direct origin of the files a staged file names (its rows' <see cref="OriginColumn"/>); null when the inputs hold none of them.</summary>
    public static string? OriginOf(StagedTable table, IReadOnlyList<InputFile> inputs) =>
        table.InputsOrSources
            .SelectMany(i => inputs.Where(f => f.Source == i.Name && (i.Sha256 is null || f.Sha256 == i.Sha256)))
            .Select(f => RowOrigin.Of(f.Origin))
            .Distinct()
            .ToList() is { Count: > 0 } origins ? OriginColumn.Combine(origins) : null;

    private static string Description(StagedTable table, IReadOnlySet<string>? sampleSources)
    {
        var description = table.Schema.DescriptionFor(sampleSources is not null && table.Schema.Sources.Any(sampleSources.Contains));
        return table.Format == StagedTable.ParquetFormat ? $"{description} {ParquetNote}" : description;
    }

    /// <summary>How a Parquet sibling stores the schema's types, said in its resource's description.</summary>
    public const string ParquetNote =
        "Parquet: the same rows and columns as the CSV; string and yearmonth as UTF-8 strings, number as double, integer as int64, year as int32, "
        + "boolean as boolean, date as DATE, datetime as " + ParquetSchemas.DateTimeEncoding + "; empty CSV cells are nulls.";
}
