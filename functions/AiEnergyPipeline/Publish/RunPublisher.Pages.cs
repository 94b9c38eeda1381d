using System.Security.Cryptography;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Publish;

/// <summary>The run's page and the root index.html (see <see cref="IRunPage"/>).</summary>
public sealed partial class RunPublisher
{
    public const string RootPagePath = "index.html";

    /// <summary>The resource name of a run's page in its data package.</summary>
    public const string PageResourceName = "dashboard";

    public const string PageFileName = "index.html";

    private const int RootPageAttempts = 5;

    public static string PagePath(string runId) => $"{RunFolder(runId)}/{PageFileName}";

    /// <summary>Writes runs/{runId}/index.html and returns the package with the page listed; the package as it was without a page writer.</summary>
    private async Task<DataPackage> WriteRunPageAsync(DataPackage package, RunReport report, CancellationToken cancellationToken)
    {
        if (page is null)
        {
            return package;
        }

        var html = await page.RenderRunAsync(store, package, report, cancellationToken);
        using (var content = new MemoryStream(html))
        {
            await store.WriteAsync(PagePath(package.Id), content, WriteCondition.None, new StoreWriteOptions(ContentTypes.Html), cancellationToken);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(html));
        var resource = new DataResource(
            PageResourceName,
            PageFileName,
            "html",
            ContentTypes.Html.Split(';')[0],
            "utf-8",
            "The run's page",
            "The run at a glance: headline per scenario, charts, every table with its columns and downloads, assumptions and sources. Static HTML without scripts.",
            html.Length,
            "sha256:" + sha256,
            sha256,
            null,
            null,
            // It shows every table and input of the run.
            Sources: [.. package.Sources.Select(s => s.Name).Distinct().Select(n => new TableInput(n))],
            Origin: OriginColumn.Combine(package.Sources.Select(s => RowOrigin.Of(s.Origin)).Distinct()));
        return package with { Resources = [.. package.Resources.Where(r => r.Name != PageResourceName), resource] };
    }

    /// <summary>
    /// Points the root index.html at whatever latest.json names now, then reads latest.json again
    /// and repeats if it moved meanwhile: every writer checks after writing, so the last write of
    /// racing runs names the run latest.json names, and the page never names a run that was never latest.
    /// A failure here is logged, not thrown: the run is published and latest, and the next run rewrites the page.
    /// </summary>
    private async Task WriteRootPageAsync(CancellationToken cancellationToken)
    {
        if (page is null)
        {
            return;
        }

        try
        {
            for (var attempt = 1; attempt <= RootPageAttempts; attempt++)
            {
                var (before, _) = await ReadLatestAsync(cancellationToken);
                if (before is null)
                {
                    return;
                }

                using (var content = new MemoryStream(page.RenderRoot(before)))
                {
                    await store.WriteAsync(RootPagePath, content, WriteCondition.None, new StoreWriteOptions(ContentTypes.Html), cancellationToken);
                }

                var (after, _) = await ReadLatestAsync(cancellationToken);
                if (after?.RunId == before.RunId)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (StorageFailures.IsStorageFailure(e))
        {
            LogRootPageFailed(StorageFailures.Describe(e));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "the root index.html was not updated: {Problem} The next run writes it again.")]
    private partial void LogRootPageFailed(string problem);
}
