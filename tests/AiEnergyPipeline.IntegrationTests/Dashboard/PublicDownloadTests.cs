using System.Net;
using System.Text.RegularExpressions;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AiEnergyPipeline.IntegrationTests.Dashboard;

/// <summary>
/// The published container read anonymously, as infra's publicDownload makes it (container access
/// 'Blob'): the root page, the run's page and every file it links to come from Azurite over HTTP
/// with no credential, each with the Content-Type a browser needs to show it.
/// </summary>
public sealed partial class PublicDownloadTests
{
    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".csv"] = "text/csv; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".parquet"] = "application/vnd.apache.parquet",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    [Fact]
    public async Task PublicContainer_OfflineRun_PageAndEveryLinkServedAnonymouslyWithTheirTypes()
    {
        var (container, runId) = await PublishToPublicContainerAsync();
        using var anonymous = new HttpClient();
        var root = new Uri(container.Uri + "/");

        var rootPage = await GetAsync(anonymous, new Uri(root, RunPublisher.RootPagePath));
        var target = RefreshTarget().Match(rootPage.Body).Groups[1].Value;
        var pageUri = new Uri(new Uri(root, RunPublisher.RootPagePath), WebUtility.HtmlDecode(target));
        Assert.Equal(new Uri(root, RunPublisher.PagePath(runId)), pageUri);
        var page = await GetAsync(anonymous, pageUri);

        var links = Links().Matches(page.Body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(l => !l.StartsWith('#') && !l.StartsWith("http:", StringComparison.Ordinal) && !l.StartsWith("https:", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("gap/gap.svg", links);
        Assert.Contains("datapackage.json", links);
        Assert.Contains(links, l => l.EndsWith(".parquet", StringComparison.Ordinal));
        Assert.Contains("../../index.html", links);
        foreach (var link in links)
        {
            // Relative to the page's public URL, as a browser resolves them: each is a published blob.
            await GetAsync(anonymous, new Uri(pageUri, link));
        }
    }

    [Fact]
    public async Task PublishedBlobs_OfflineRun_EachCarriesTheContentTypeOfItsExtension()
    {
        var (container, _) = await PublishToPublicContainerAsync();

        var wrong = new List<string>();
        var checkedCount = 0;
        await foreach (var blob in container.GetBlobsAsync())
        {
            var extension = Path.GetExtension(blob.Name);
            if (!Expected.TryGetValue(extension, out var type))
            {
                continue;
            }

            checkedCount++;
            if (blob.Properties.ContentType != type)
            {
                wrong.Add($"{blob.Name}: {blob.Properties.ContentType ?? "(none)"}, expected {type}");
            }
        }

        Assert.Empty(wrong);
        Assert.True(checkedCount > 20, $"{checkedCount} blobs checked");
        Assert.Equal(ContentTypes.PngImage, ContentTypes.ForExtension(".png"));
    }

    private static async Task<(BlobContainerClient Container, string RunId)> PublishToPublicContainerAsync()
    {
        var container = Azurite.NewContainer();
        await using var services = TestPipeline.Build(TestPipeline.BlobStore(container.Name));
        var outcome = await TestPipeline.RunIngestAsync(services);
        Assert.True(outcome.Succeeded, outcome.Message);
        await container.SetAccessPolicyAsync(PublicAccessType.Blob);
        return (container, outcome.RunId);
    }

    /// <summary>GETs without credential; the answer must be 200 with the Content-Type of the path's extension.</summary>
    private static async Task<(string Body, string ContentType)> GetAsync(HttpClient client, Uri uri)
    {
        using var response = await client.GetAsync(uri);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{uri}: {(int)response.StatusCode}");
        var type = response.Content.Headers.ContentType?.ToString() ?? "";
        var extension = Path.GetExtension(uri.AbsolutePath);
        Assert.True(Expected.TryGetValue(extension, out var expected), $"{uri}: no expected type for '{extension}'");
        Assert.Equal(expected, type.Replace("charset=\"utf-8\"", "charset=utf-8", StringComparison.Ordinal));
        return (await response.Content.ReadAsStringAsync(), type);
    }

    [GeneratedRegex("<meta http-equiv=\"refresh\" content=\"0; url=([^\"]+)\">")]
    private static partial Regex RefreshTarget();

    [GeneratedRegex("(?:href|src)=\"([^\"]+)\"")]
    private static partial Regex Links();
}
