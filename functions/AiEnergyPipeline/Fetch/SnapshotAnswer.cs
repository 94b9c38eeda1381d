namespace AiEnergyPipeline.Fetch;

/// <summary>
/// What the snapshot handler says about a response it made: the origin of the file that answered,
/// its place in the snapshot and what it imitates or when it was recorded. Carried in the request's
/// options, which a live server cannot set, so no response from the internet can pass as one.
/// </summary>
public sealed record SnapshotAnswer(InputOrigin Origin, string File, SampleOf? SampleOf, DateTimeOffset? RecordedAtUtc)
{
    /// <summary>The prefix of a sample file's provenance path: its place in the snapshot folder.</summary>
    public const string SamplePathPrefix = "snapshot/";

    public static readonly HttpRequestOptionsKey<SnapshotAnswer> Key = new("AiEnergyPipeline.SnapshotAnswer");

    /// <summary>The answer the snapshot gave to the response's request, or null for a live response.</summary>
    public static SnapshotAnswer? Of(HttpResponseMessage response) =>
        response.RequestMessage is { } request && request.Options.TryGetValue(Key, out var answer) ? answer : null;

    /// <summary>Who answered: the snapshot's origin for the file (recorded or sample), else <see cref="InputOrigin.Fetched"/> (a live server).</summary>
    public static InputOrigin OriginOf(HttpResponseMessage response) => Of(response)?.Origin ?? InputOrigin.Fetched;
}
