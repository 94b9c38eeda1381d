using System.Text.Json.Serialization;

namespace AiEnergyPipeline.Tables;

/// <summary>
/// One column. <see cref="Type"/> is a Frictionless type (string, number, integer, boolean,
/// datetime, year); <see cref="Unit"/> repeats the unit that the column's name ends with.
/// </summary>
public sealed record FieldSchema(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("unit"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unit = null);
