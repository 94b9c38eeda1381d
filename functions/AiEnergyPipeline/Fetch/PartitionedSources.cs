namespace AiEnergyPipeline.Fetch;

/// <summary>What every partitioned source does alike.</summary>
public static class PartitionedSources
{
    /// <summary>
    /// Every planned partition's file, fetched in order and on local disk: <see cref="ISource.FetchAsync"/>
    /// for a partitioned source (the partitioned pipeline fetches them one partition at a time instead).
    /// </summary>
    public static async Task<IReadOnlyList<FetchedFile>> FetchEachAsync(IPartitionedSource source, RawArchive archive, CancellationToken cancellationToken)
    {
        var files = new List<FetchedFile>();
        foreach (var partition in await source.PlanAsync(archive, cancellationToken))
        {
            var file = await source.FetchPartitionAsync(partition, archive, cancellationToken);
            await archive.EnsureLocalAsync(file, cancellationToken);
            files.Add(file);
        }

        return files;
    }
}
