using AiEnergyPipeline.Vocabulary;
using System.Text.Json.Serialization;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// One <c>snapshot.json</c>: what the files are (<see cref="Origin"/>: <c>sample</c>, written by this
/// project, or <c>recorded</c> from the live sources), the settings an offline run applies, and the
/// routes that answer the sources' requests.
/// </summary>
/// <param name="SampleOf">For sample files: the real dataset they imitate, its publisher and its documentation page (a route may name its own).</param>
public sealed record SnapshotIndex(
    [property: JsonPropertyName("origin")] string? Origin,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("settings")] Dictionary<string, string>? Settings,
    [property: JsonPropertyName("routes")] List<SnapshotRoute>? Routes,
    [property: JsonPropertyName("sample_of"), JsonConverter(typeof(SampleOfJsonConverter))] SampleOf? SampleOf = null,
    [property: JsonPropertyName("recorded_at")] DateTimeOffset? RecordedAt = null);
