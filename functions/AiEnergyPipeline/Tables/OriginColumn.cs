namespace AiEnergyPipeline.Tables;

/// <summary>
/// The last column of every table: where the row's numbers came from, so that a row copied out of
/// its file (a CSV saved from a sample run, one line pasted into a report) still says so.
/// </summary>
public static class OriginColumn
{
    public const string Name = "origin";

    /// <summary>Downloaded from the publisher's URL (in this run, or in an earlier one that left the same bytes).</summary>
    public const string Fetched = "fetched";

    /// <summary>Replayed from a snapshot someone recorded from the publisher's URL.</summary>
    public const string Recorded = "recorded";

    /// <summary>Made from sample files this project wrote: not real data.</summary>
    public const string Sample = "sample";

    /// <summary>From the project's curated files, each row citing its publisher.</summary>
    public const string Curated = "curated";

    /// <summary>
    /// The value for a row made from inputs of these origins: the first of sample, recorded,
    /// fetched and curated that any has (one invented input makes the number invented). None: curated.
    /// </summary>
    public static string Combine(IEnumerable<string> origins)
    {
        var all = origins.ToHashSet(StringComparer.Ordinal);
        return Precedence.FirstOrDefault(all.Contains) ?? Curated;
    }

    private static readonly string[] Precedence = [Sample, Recorded, Fetched, Curated];

    public static FieldSchema Field { get; } = new(
        Name,
        "string",
        "Where the row's numbers came from: fetched (from the publisher's URL), recorded (replayed from a snapshot recorded from it), sample (from sample files this project wrote: NOT REAL DATA), or curated (the project's curated files, each row citing its publisher). A row made from several inputs takes the first of sample, recorded, fetched and curated that any of them has.");
}
