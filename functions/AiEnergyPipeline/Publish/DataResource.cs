using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Publish;

/// <param name="Sources">
/// What the file was computed from: sources by name (every file of theirs in the package's
/// <c>sources</c>), or one file by name and sha256 (a part made from one file).
/// </param>
/// <param name="Origin">
/// Where the file's numbers came from, as its rows' <see cref="OriginColumn"/> says: the least direct
/// origin of its <paramref name="Sources"/>; absent in runs made before it was published.
/// </param>
public sealed record DataResource(
    string Name,
    string Path,
    string Format,
    string Mediatype,
    string? Encoding,
    string Title,
    string Description,
    long Bytes,
    string Hash,
    string Sha256,
    long? RowCount,
    ResourceSchema? Schema,
    string? Table = null,
    string? Part = null,
    IReadOnlyList<TableInput>? Sources = null,
    string? Origin = null)
{
    /// <summary>The table the resource belongs to: its table field (parts, Parquet siblings), else its name.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string TableName => Table ?? ResourceNames.TableOf(Name);
}
