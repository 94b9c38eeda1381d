namespace AiEnergyPipeline.Pipeline;

/// <summary>One unit of ingest work that can run on any instance: one source file, such as one EIA-930 BALANCE half-year.</summary>
/// <param name="Source">The source that fetches it, such as eia930_bulk.</param>
/// <param name="Name">The partition within the source, such as 2024_H1; safe as a path segment ([a-z0-9_-]).</param>
public sealed record PartitionKey(string Source, string Name)
{
    public override string ToString() => $"{Source}/{Name}";
}
