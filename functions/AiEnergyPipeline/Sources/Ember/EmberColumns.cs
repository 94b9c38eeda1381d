namespace AiEnergyPipeline.Sources.Ember;

/// <summary>Where a file's columns are; -1 for an optional column the file lacks.</summary>
public sealed record EmberColumns(
    EmberLayout Layout,
    int Area,
    int Iso3,
    int AreaType,
    int Year,
    int Category,
    int Subcategory,
    int Variable,
    int Unit,
    int Value,
    int IsAggregated)
{
    /// <summary>The name the file gives the value column, for quarantine reasons.</summary>
    public required string ValueName { get; init; }
}
