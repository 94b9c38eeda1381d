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
    DateTimeOffset? RecordedAtUtc = null)
{
    /// <summary>What the fetch came to, in words for a progress line (not the record's booleans).</summary>
    public string Outcome => (NotModified ? "not modified (304), the archived copy is used"
        : AlreadyArchived ? $"{Got}, the same bytes were already archived"
        : $"{Got} and archived") + (Origin == InputOrigin.Sample ? " (a sample file, not real data)" : "");

    private string Got => Origin switch
    {
        InputOrigin.Recorded => "replayed from a recorded snapshot",
        InputOrigin.Sample => "read from the bundled snapshot",
        _ => "downloaded",
    };

    /// <summary>
    /// The download still writing this file's bytes, when it is read while it arrives: its
    /// <see cref="RawPath"/>, <see cref="Sha256"/> and <see cref="Bytes"/> are then not known yet.
    /// </summary>
    public BodyDestination? Downloading { get; init; }

    /// <summary>
    /// The file's bytes from the start: the local file, or the body as it arrives while it is
    /// <see cref="Downloading"/> (a stream that cannot seek; its reads wait for the download).
    /// </summary>
    public Stream OpenRead(CancellationToken cancellationToken) =>
        Downloading is { } download
            ? download.OpenWhileDownloading(cancellationToken)
            : new FileStream(LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    /// <summary>A file being downloaded into <paramref name="download"/>, to be read as it arrives: only its names and place are known.</summary>
    public static FetchedFile WhileDownloading(string source, string fileName, BodyDestination download, DateTimeOffset now) =>
        new(source, fileName, RawPath: "", Sha256: "", Bytes: 0, Url: "", now, ETag: null, LastModified: null, download.Path, AlreadyArchived: false, Origin: download.Origin) { Downloading = download };
}
