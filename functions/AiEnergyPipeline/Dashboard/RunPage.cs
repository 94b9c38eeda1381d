using System.Text;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Dashboard;

/// <summary>The pages of a published store, for <see cref="RunPublisher"/>: a run's page and the root index.html.</summary>
public sealed class RunPage : IRunPage
{
    public async Task<byte[]> RenderRunAsync(IDatasetStore store, DataPackage package, RunReport report, CancellationToken cancellationToken) =>
        Encoding.UTF8.GetBytes(RunPageHtml.Render(await RunPageData.LoadAsync(store, package, report, cancellationToken)));

    public byte[] RenderRoot(LatestPointer latest) => Encoding.UTF8.GetBytes(RootPageHtml.Render(latest));
}
