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

    /// <summary>
    /// The sources whose files the table is computed from (<c>Vocabulary.SourceNames</c>): what its
    /// resources in datapackage.json name under <c>sources</c>, unless a file says more precisely
    /// (<see cref="StagedTable.Inputs"/>: a part made from one file).
    /// </summary>
    public IReadOnlyList<string> Sources { get; init; } = [];
}
