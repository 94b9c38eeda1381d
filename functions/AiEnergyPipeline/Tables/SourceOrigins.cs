namespace AiEnergyPipeline.Tables;

/// <summary>
/// The <see cref="OriginColumn"/> value of each source's files in one run, from which a table's
/// origin is made (<see cref="TableSchema.Sources"/>): what a stage that sees tables, not files,
/// needs to label its rows.
/// </summary>
public sealed class SourceOrigins
{
    private readonly IReadOnlyDictionary<string, string> _bySource;
    private readonly string? _everySource;

    public SourceOrigins(IReadOnlyDictionary<string, string> bySource) => _bySource = bySource;

    private SourceOrigins(string everySource)
    {
        _bySource = new Dictionary<string, string>();
        _everySource = everySource;
    }

    /// <summary>Every source of one origin.</summary>
    public static SourceOrigins All(string origin) => new(origin);

    /// <summary>The value for rows made from the files of these sources.</summary>
    public string Of(IEnumerable<string> sources) =>
        _everySource ?? OriginColumn.Combine(sources.Select(s => _bySource.GetValueOrDefault(s)).OfType<string>());

    public string Of(TableSchema schema) => Of(schema.Sources);
}
