namespace AiEnergyPipeline.Fetch;

/// <summary>
/// One file a source fetched, as archived: where its bytes are (in the store and, for this run,
/// on local disk) and where they came from.
/// </summary>
/// <param name="Url">
/// Where the bytes came from, any secret removed: the URL of a fetched or recorded file, the place
/// of a sample file in its snapshot (<c>snapshot/...</c>, never the real URL it imitates).
/// </param>
/// <param name="NotModified">
/// The source answered 304 Not Modified: the bytes are those archived at <see cref="RawPath"/>,
/// and <see cref="LocalPath"/> holds them only once <see cref="RawArchive.EnsureLocalAsync"/> copied them.
/// </param>
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
    bool AlreadyArchived,
    bool NotModified = false,
    InputOrigin Origin = InputOrigin.Fetched,
    SampleOf? SampleOf = null,
    DateTimeOffset? RecordedAtUtc = null);
