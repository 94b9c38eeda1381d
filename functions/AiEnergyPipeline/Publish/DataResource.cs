namespace AiEnergyPipeline.Publish;

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
    string? Part = null)
{
    /// <summary>The table the resource belongs to: its table field (parts, Parquet siblings), else its name.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string TableName => Table ?? ResourceNames.TableOf(Name);
}
