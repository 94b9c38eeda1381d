using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Pipeline;

/// <summary>Finding the partitioned source that a partition (of a plan, perhaps made on another instance) names.</summary>
internal static class PartitionedSources
{
    /// <exception cref="ArgumentException">No partitioned source of this pipeline has that name.</exception>
    public static IPartitionedSource Named(IEnumerable<ISource> sources, string name) =>
        sources.OfType<IPartitionedSource>().FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"'{name}' is not a partitioned source of this pipeline.", nameof(name));
}
