namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Where a request's body is to be downloaded: set in the request's options by a caller that
/// archives the body (<see cref="HttpFileFetcher"/>), read by <see cref="WholeBodyRetryHandler"/>,
/// which then downloads it into <see cref="Path"/> (each retry from the start) while hashing it, and
/// says so here. The bytes are so written once: no temporary copy, then a copy into the archive.
/// </summary>
public sealed class BodyDestination(string path)
{
    public static readonly HttpRequestOptionsKey<BodyDestination> Key = new("AiEnergyPipeline.BodyDestination");

    public string Path { get; } = path;

    /// <summary>The lower-case hex SHA-256 of the whole body, once it is complete in <see cref="Path"/>; else null.</summary>
    public string? Sha256 { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>The whole body is in <see cref="Path"/>: the response's content reads that file.</summary>
    public bool IsComplete => Sha256 is not null;

    internal void Complete(string sha256, long bytes)
    {
        Sha256 = sha256;
        Bytes = bytes;
    }

    /// <summary>The destination the request asks for, or null (the body then goes to a temporary file).</summary>
    public static BodyDestination? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var destination) ? destination : null;
}
