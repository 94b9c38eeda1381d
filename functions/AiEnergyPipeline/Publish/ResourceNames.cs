using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Publish;

/// <summary>
/// Names of data package resources, unique within a run (see <see cref="Tables.StagedTable.ResourceName"/>):
/// ba_hourly, ba_hourly.parquet, ba_hourly_2024_h1, ba_hourly_2024_h1.parquet. Lookups by table name
/// use the resource's table field, written for parts and Parquet siblings, and fall back to <see cref="TableOf"/>.
/// </summary>
public static class ResourceNames
{
    /// <summary>The table (dataset) a resource without a table field belongs to: its name up to the first '.'.</summary>
    public static string TableOf(string resourceName)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        var dot = resourceName.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? resourceName : resourceName[..dot];
    }
}
