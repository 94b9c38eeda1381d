namespace AiEnergyPipeline.Tables;

/// <summary>A published table's schema, in the terms of a Frictionless Table Schema.</summary>
public sealed record TableSchema(
    string Name,
    string Title,
    string Description,
    IReadOnlyList<FieldSchema> Fields,
    IReadOnlyList<string> PrimaryKey)
{
    private readonly IReadOnlyList<FieldSchema> _fields = WithOrigin(Fields);

    /// <summary>
    /// The table's columns: those declared, then <see cref="OriginColumn"/> last (a file without
    /// columns, JSON or SVG, has none), also when set with <c>with { Fields = ... }</c>.
    /// </summary>
    public IReadOnlyList<FieldSchema> Fields { get => _fields; init => _fields = WithOrigin(value); }

    public IEnumerable<string> ColumnNames => Fields.Select(f => f.Name);

    /// <summary>
    /// The sources whose files the table is computed from (<c>Vocabulary.SourceNames</c>): what its
    /// resources in datapackage.json name under <c>sources</c>, unless a file says more precisely
    /// (<see cref="StagedTable.Inputs"/>: a part made from one file).
    /// </summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>
    /// The description of the table made from sample files of its <see cref="Sources"/>, where
    /// <see cref="Description"/> credits a publisher (a licence line): a sample is not the publisher's data.
    /// </summary>
    public string? SampleDescription { get; init; }

    /// <summary>The description as published: <see cref="SampleDescription"/> when the table is made from sample files and has one.</summary>
    public string DescriptionFor(bool sample) => sample && SampleDescription is { } described ? described : Description;

    private static IReadOnlyList<FieldSchema> WithOrigin(IReadOnlyList<FieldSchema> fields) =>
        fields.Count == 0 || fields[^1].Name == OriginColumn.Name ? fields : [.. fields, OriginColumn.Field];
}
