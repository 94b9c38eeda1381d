using AiEnergyPipeline.Fetch;

namespace AiEnergyPipeline.Pipeline;

/// <summary>Where sources are read from.</summary>
public enum SourceMode
{
    /// <summary>The bundled snapshot: offline, the default of the command-line tool.</summary>
    Snapshot,

    /// <summary>The sources' public URLs.</summary>
    Live,
}
