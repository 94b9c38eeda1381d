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
