using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using System.Text.Json;

namespace AiEnergyPipeline.Publish;

/// <summary>
/// latest.json as read: the pointer when it is whole, its ETag whenever the file exists (so that a
/// run replacing a damaged pointer still swings it conditionally), and what is wrong with it, if anything.
/// </summary>
/// <param name="Problem">Why the store has no valid latest run although latest.json exists, for a log line and a report; null when it is fine or absent.</param>
public sealed record LatestRead(LatestPointer? Pointer, string? ETag, string? Problem = null)
{
    /// <summary>Larger than any pointer a run writes (a few KiB): a bigger file is not one, and is not read whole.</summary>
    public const long MaxBytes = 4 << 20;

    public static LatestRead None { get; } = new(null, null);

    public bool IsDamaged => Problem is not null;

    /// <summary>The pointer and ETag alone, as callers that predate <see cref="Problem"/> read them: a damaged pointer reads as none.</summary>
    public void Deconstruct(out LatestPointer? pointer, out string? etag)
    {
        pointer = Pointer;
        etag = ETag;
    }

    /// <summary>A damaged latest.json: no pointer, the file's ETag, and the problem.</summary>
    public static LatestRead Damaged(string? etag, string problem) => new(null, etag, $"{RunPublisher.LatestPath} {problem}");

    /// <summary>Parses and checks an opened latest.json: every field a reader relies on is there and well formed.</summary>
    public static async Task<LatestRead> ParseAsync(StoredObject latest, CancellationToken cancellationToken)
    {
        var etag = latest.Info.ETag;
        if (latest.Info.Length > MaxBytes)
        {
            return Damaged(etag, $"is {latest.Info.Length:N0} bytes, more than a pointer can be ({MaxBytes:N0}).");
        }

        LatestPointer? pointer;
        try
        {
            pointer = await PublishedJson.DeserializeAsync<LatestPointer>(latest.Content, cancellationToken);
        }
        catch (JsonException e)
        {
            // An empty, truncated or foreign file ("[1,2]", wrong types): a reader cannot use it, a run replaces it.
            return Damaged(etag, $"is not a valid pointer: {e.Message.Split('\n', 2)[0].Trim()}");
        }

        return ProblemOf(pointer) is { } problem ? Damaged(etag, problem) : new LatestRead(pointer, etag);
    }

    /// <summary>What a parsed pointer lacks: the deserializer accepts "{}" and nulls, the readers do not.</summary>
    private static string? ProblemOf(LatestPointer? pointer) => pointer switch
    {
        null => "is null, not a pointer.",
        { RunId: var id } when !RunId.IsValid(id) => $"has no valid run_id ({Quoted(id)}).",
        { DataPackage: var path } when path != RunPublisher.DataPackagePath(pointer.RunId) => $"names the data package {Quoted(path)}, not {RunPublisher.DataPackagePath(pointer.RunId)}.",
        { InputsSha256: null or "" } => "has no inputs_sha256.",
        { Tables: null } => "has no tables.",
        _ when pointer.Tables.Any(t => t is null || t.Name is null || t.Format is null || !StorePath.IsValid(t.Path)) => "lists a table without a name, format or valid path.",
        _ => null,
    };

    private static string Quoted(string? value) => value is null ? "none" : $"'{(value.Length > 80 ? value[..80] + "..." : value)}'";
}
