using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Publish;

/// <summary>
/// One input file of a run. <see cref="Origin"/> says where its bytes came from: <c>fetched</c> (from
/// <see cref="Path"/>, its URL, at <see cref="FetchedAt"/>), <c>recorded</c> (replayed from a recording of
/// <see cref="Path"/> made at <see cref="RecordedAt"/>), <c>sample</c> (a file written by this project:
/// <see cref="Path"/> is its place in the snapshot, <see cref="SampleOf"/> what it imitates; no fetch
/// time, no validators) or <c>curated</c> (a file of the project's curated folder).
/// </summary>
public sealed record DataSource(
    string Name,
    string Title,
    Fetch.InputOrigin Origin,
    string Path,
    string FileName,
    string RawPath,
    DateTimeOffset? FetchedAt,
    string Sha256,
    long Bytes,
    string? Etag,
    string? LastModified,
    DateTimeOffset? RecordedAt = null,
    Fetch.SampleOf? SampleOf = null);
