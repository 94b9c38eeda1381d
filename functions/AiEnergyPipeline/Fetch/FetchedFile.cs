namespace AiEnergyPipeline.Fetch;

/// <summary>
/// One file a source fetched, as archived: where its bytes are (in the store and, for this run,
/// on local disk) and where they came from.
/// </summary>
public sealed record FetchedFile(
    string Source,
    string FileName,
    string RawPath,
    string Sha256,
    long Bytes,
    string Url,
    DateTimeOffset FetchedAtUtc,
    string? ETag,
    string? LastModified,
    string LocalPath,
    bool AlreadyArchived);

/// <summary>Where bytes came from, with any secret already removed from the URL.</summary>
public sealed record SourceProvenance(string Url, DateTimeOffset FetchedAtUtc, string? ETag = null, string? LastModified = null);
