using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Storage;

/// <summary>
/// Object paths are relative, '/'-separated, made of plain segments. Checking them in one place
/// keeps both stores (and the file system behind one of them) safe from traversal.
/// </summary>
public static partial class StorePath
{
    private const int MaxLength = 512;

    public static bool IsValid(string? path) =>
        !string.IsNullOrEmpty(path) && path.Length <= MaxLength && path.Split('/').All(IsValidSegment);

    public static string Validate(string path) =>
        IsValid(path) ? path : throw new ArgumentException($"'{Truncate(path)}' is not a valid store path: use '/'-separated segments of letters, digits, '.', '_' and '-' that do not start with '.'.", nameof(path));

    /// <summary>A prefix is a path, or a path followed by '/', or empty (everything).</summary>
    public static string ValidatePrefix(string prefix) =>
        prefix.Length == 0 || IsValid(prefix.TrimEnd('/')) ? prefix : Validate(prefix);

    private static bool IsValidSegment(string segment) =>
        SegmentPattern().IsMatch(segment);

    private static string Truncate(string? value) =>
        value is null ? "" : value.Length > 80 ? value[..80] + "..." : value;

    // A leading dot is refused: it rules out "." and "..", and keeps the file store's own ".meta" folder private.
    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]*\\z")]
    private static partial Regex SegmentPattern();
}
