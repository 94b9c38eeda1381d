using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources;

/// <summary>Turns the raw files of one or more sources into canonical tables.</summary>
public interface INormaliser
{
    /// <summary>The sources whose files this normaliser reads.</summary>
    IReadOnlyList<string> Sources { get; }

    /// <summary>The tables it writes.</summary>
    IReadOnlyList<TableSchema> Tables { get; }

    /// <exception cref="SourceException">A file cannot be read at all; the run fails and publishes nothing.</exception>
    Task<IReadOnlyList<StagedTable>> NormaliseAsync(NormaliseContext context, CancellationToken cancellationToken);
}
