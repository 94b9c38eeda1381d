using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Publish;

/// <summary>
/// runs/{runId}/datapackage.json, Frictionless-style. A recompute's package also records the run
/// it was derived from, the overrides it applied and the inputs hash of the ingested data.
/// <see cref="ModelVersion"/> is the version of the code's outputs that made the run, and
/// <see cref="CodeVersion"/> the build (<see cref="Publish.CodeVersion"/>); both null in runs
/// published before they were recorded.
/// </summary>
public sealed record DataPackage(
    string Profile,
    string Name,
    string Id,
    string Title,
    DateTimeOffset Created,
    string InputsSha256,
    IReadOnlyList<DataResource> Resources,
    IReadOnlyList<DataSource> Sources,
    IReadOnlyList<DataLicence> Licenses,
    string? DerivedFrom = null,
    System.Text.Json.JsonElement? Overrides = null,
    string? BaseInputsSha256 = null,
    string? Mode = null,
    string? ModelVersion = null,
    string? CodeVersion = null)
{
    /// <summary>Whether the run is made from sample files (<see cref="RunMode.Sample"/>): its numbers are not real.</summary>
    public bool Sample => Mode == RunMode.Sample;

    /// <summary>The hash of the fetched inputs the run's tables come from: its own for an ingest, the ingest's for a recompute (derived, not published).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string SourceInputsSha256 => BaseInputsSha256 ?? InputsSha256;
}
