namespace AiEnergyPipeline.Fetch;

/// <summary>What <see cref="ISource.FetchEachAsync"/> got: the files fetched, in order, and those the source could do without that failed.</summary>
public sealed record SourceFetch(IReadOnlyList<FetchedFile> Files, IReadOnlyList<FileFailure> Failures);
