namespace AiEnergyPipeline.Fetch;

/// <summary>
/// What each sample file of the snapshot imitates, read from the snapshot's index: the real
/// dataset, its publisher and its documentation page, never the URL its route answers. Kept out of
/// the store's fetch state and partition records; added to a run's inputs when the run is described.
/// </summary>
public sealed class SampleCatalogue
{
    private readonly Dictionary<string, SampleOf> _byPath;

    public SampleCatalogue(Snapshot? snapshot)
    {
        _byPath = (snapshot?.Routes ?? [])
            .Where(r => r.InputOrigin == InputOrigin.Sample)
            .GroupBy(r => SnapshotAnswer.SamplePathPrefix + r.File, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().SampleOf ?? SampleOf.NotNamed, StringComparer.Ordinal);
    }

    /// <summary>The file with what it imitates, when it is a sample of this snapshot; any other file as it is.</summary>
    public FetchedFile Describe(FetchedFile file) =>
        file.Origin == InputOrigin.Sample && file.SampleOf is null && _byPath.TryGetValue(file.Url, out var sampleOf)
            ? file with { SampleOf = sampleOf }
            : file;
}
