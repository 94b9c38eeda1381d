using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Publish;

/// <summary>
/// The HTML pages of a published store: runs/{runId}/index.html, written with the run before
/// latest.json swings, and the root index.html that points at the latest run. Declared here and
/// implemented a layer up (Dashboard), because the page reads the gap's outputs, which Publish does not know.
/// </summary>
public interface IRunPage
{
    /// <summary>The run's page, from its files already in the store and its package (which does not list the page yet).</summary>
    Task<byte[]> RenderRunAsync(IDatasetStore store, DataPackage package, RunReport report, CancellationToken cancellationToken);

    /// <summary>The root page: a pointer to the latest run's page, as latest.json names it.</summary>
    byte[] RenderRoot(LatestPointer latest);
}
