using System.Text.Json.Serialization;

namespace AiEnergyPipeline.Tables;

/// <summary>A published table's schema, in the terms of a Frictionless Table Schema.</summary>
public sealed record TableSchema(
    string Name,
    string Title,
    string Description,
    IReadOnlyList<FieldSchema> Fields,
    IReadOnlyList<string> PrimaryKey)
{
    public IEnumerable<string> ColumnNames => Fields.Select(f => f.Name);
}

/// <summary>
/// One column. <see cref="Type"/> is a Frictionless type (string, number, integer, boolean,
/// datetime, year); <see cref="Unit"/> repeats the unit that the column's name ends with.
/// </summary>
public sealed record FieldSchema(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("unit"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unit = null);
