namespace AiEnergyPipeline.Fetch;

/// <summary>One dataset: fetches its current files into the raw archive.</summary>
public interface ISource
{
    /// <summary>snake_case name, used in paths, reports and settings.</summary>
    string Name { get; }

    /// <summary>How the data package cites the source: its title and licence.</summary>
    SourceCitation Citation { get; }

    /// <summary>
    /// Where the source reads from with the current settings, secrets masked: what
    /// <c>aienergy sources</c> lists, so that operators can check an override took effect.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings are invalid; the message names the setting.</exception>
    IReadOnlyList<SourceEndpoint> Endpoints { get; }

    /// <summary>Fetches every file of the source, in order.</summary>
    /// <exception cref="SourceException">The source could not be fetched; the message says why.</exception>
    Task<IReadOnlyList<FetchedFile>> FetchAsync(RawArchive archive, CancellationToken cancellationToken);

    /// <summary>
    /// Fetches every file of the source, in order, as an ingest does: a source whose files are
    /// independent (one queue file per ISO) returns a file that failed as a <see cref="FileFailure"/>
    /// beside the others instead of failing whole. By default, <see cref="FetchAsync"/>: any failure fails the source.
    /// </summary>
    /// <exception cref="SourceException">The source could not be fetched at all; the message says why.</exception>
    async Task<SourceFetch> FetchEachAsync(RawArchive archive, CancellationToken cancellationToken) =>
        new(await FetchAsync(archive, cancellationToken), []);

    /// <summary>
    /// Settings (configuration keys, ':'-separated) that make a replay of <paramref name="files"/>
    /// ask for exactly these files again: what a default took from the clock (a month searched
    /// for, a window ending now) pinned to what was fetched. A recorded snapshot keeps them.
    /// </summary>
    IReadOnlyDictionary<string, string> ReplaySettings(IReadOnlyList<FetchedFile> files) => new Dictionary<string, string>();
}
