using System.Text.Json.Serialization;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// A URL (scheme, host and path) and the query parameters that must match, and the file that
/// answers; a recorded route keeps the validators and time of the original answer.
/// </summary>
public sealed record SnapshotRoute(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("query")] Dictionary<string, string>? Query,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("origin")] string? Origin = null,
    [property: JsonPropertyName("sample_of"), JsonConverter(typeof(SampleOfJsonConverter))] SampleOf? SampleOf = null,
    [property: JsonPropertyName("recorded_at")] DateTimeOffset? RecordedAt = null,
    [property: JsonPropertyName("etag")] string? ETag = null,
    [property: JsonPropertyName("last_modified")] string? LastModified = null,
    [property: JsonPropertyName("content_type")] string? ContentType = null)
{
    /// <summary>The route's origin, as the snapshot handler reports it.</summary>
    [JsonIgnore]
    public InputOrigin InputOrigin => string.Equals(Origin, "recorded", StringComparison.OrdinalIgnoreCase) ? InputOrigin.Recorded : InputOrigin.Sample;
}
