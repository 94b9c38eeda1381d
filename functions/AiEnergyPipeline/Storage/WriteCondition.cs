namespace AiEnergyPipeline.Storage;

/// <summary>The precondition of a write, with the HTTP semantics of If-Match and If-None-Match.</summary>
public sealed record WriteCondition
{
    private WriteCondition(string? ifMatch, bool ifNoneExists)
    {
        IfMatch = ifMatch;
        IfNoneExists = ifNoneExists;
    }

    /// <summary>Write whatever is there.</summary>
    public static WriteCondition None { get; } = new(null, false);

    /// <summary>Write only when no object exists at the path (If-None-Match: *).</summary>
    public static WriteCondition IfNotExists { get; } = new(null, true);

    /// <summary>Write only when the object exists with this ETag (If-Match).</summary>
    public static WriteCondition IfMatches(string etag) => new(etag ?? throw new ArgumentNullException(nameof(etag)), false);

    public string? IfMatch { get; }
    public bool IfNoneExists { get; }
}
