namespace AiEnergyPipeline.Fetch;

/// <summary>One public dataset: fetches its current files into the raw archive.</summary>
public interface ISource
{
    /// <summary>snake_case name, used in paths, reports and settings.</summary>
    string Name { get; }

    /// <summary>Fetches every file of the source, in order.</summary>
    /// <exception cref="SourceException">The source could not be fetched; the message says why.</exception>
    Task<IReadOnlyList<FetchedFile>> FetchAsync(RawArchive archive, CancellationToken cancellationToken);
}
