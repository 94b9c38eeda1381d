namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Where bytes came from, with any secret already removed from the URL. A sample file's
/// <see cref="Url"/> is its place in the snapshot and it has no validators, and what it imitates
/// (<see cref="SampleOf"/>) names no address: a sample must never look like something fetched from a real URL.
/// </summary>
public sealed record SourceProvenance(
    string Url,
    DateTimeOffset FetchedAtUtc,
    string? ETag = null,
    string? LastModified = null,
    InputOrigin Origin = InputOrigin.Fetched,
    SampleOf? SampleOf = null,
    DateTimeOffset? RecordedAtUtc = null)
{
    /// <summary>
    /// The provenance of a successful response to a request for <paramref name="redactedUrl"/>: fetched
    /// live, unless the snapshot answered it (<see cref="SnapshotAnswer"/>), as a recorded or a sample file.
    /// </summary>
    public static SourceProvenance Of(HttpResponseMessage response, string redactedUrl, DateTimeOffset now)
    {
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified?.ToString("R");
        return SnapshotAnswer.Of(response) switch
        {
            { Origin: InputOrigin.Sample } sample => new(SnapshotAnswer.SamplePathPrefix + sample.File, now, Origin: InputOrigin.Sample, SampleOf: sample.SampleOf ?? SampleOf.NotNamed),
            { Origin: InputOrigin.Recorded } recorded => new(redactedUrl, now, etag, lastModified, InputOrigin.Recorded, RecordedAtUtc: recorded.RecordedAtUtc),
            _ => new(redactedUrl, now, etag, lastModified),
        };
    }
}
