namespace AiEnergyPipeline.Vocabulary;

/// <summary>
/// The name of every source, as the data package's <c>sources</c>, <c>raw/{source}/</c> and
/// report.json give it: here, below every layer, so that a table's schema can say which sources
/// it is computed from (<c>TableSchema.Sources</c>) without knowing the sources themselves.
/// </summary>
public static class SourceNames
{
    public const string Eia930Bulk = "eia930_bulk";
    public const string Eia930Api = "eia930_api";
    public const string Eia860m = "eia860m";
    public const string Queues = "queues";
    public const string Ember = "ember";
    public const string Curated = "curated";

    /// <summary>Every source, in the order the pipeline reads them.</summary>
    public static IReadOnlyList<string> All { get; } = [Eia930Bulk, Eia930Api, Eia860m, Queues, Ember, Curated];
}
