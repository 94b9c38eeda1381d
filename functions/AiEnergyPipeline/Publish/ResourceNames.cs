using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Publish;

/// <summary>
/// Names of data package resources, unique within a run: a table's CSV is named as the table
/// (ba_hourly), its Parquet sibling as the table and the format (ba_hourly.parquet). Dataset names
/// never hold a '.', so a sibling's name cannot be taken by a table; lookups by table name use
/// <see cref="TableOf"/> and pick the format.
/// </summary>
public static class ResourceNames
{
    public static string Of(StagedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Format == StagedTable.ParquetFormat ? $"{table.Schema.Name}.{StagedTable.ParquetFormat}" : table.Schema.Name;
    }

    /// <summary>The table (dataset) a resource belongs to: its name up to the first '.'.</summary>
    public static string TableOf(string resourceName)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        var dot = resourceName.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? resourceName : resourceName[..dot];
    }
}
