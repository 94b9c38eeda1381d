using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.IntegrationTests.Sources.Eia930;
using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;

namespace AiEnergyPipeline.IntegrationTests.Sources.Ember;

/// <summary>Downloading Ember's yearly release from a real local HTTP server.</summary>
public class EmberSourceTests
{
    private const string FileName = "yearly_full_release_long_format.csv";
    private static readonly byte[] Recorded = File.ReadAllBytes(Path.Combine(Snapshot.DefaultRoot, "ember", FileName));

    private static async Task<(IReadOnlyList<FetchedFile> Files, IDatasetStore Store)> FetchAsync(LocalHttpServer server)
    {
        await using var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(TestPaths.NewTempFolder()))
        {
            ["Pipeline:Mode"] = "Live",
            ["Sources:Ember:Url"] = new Uri(server.BaseAddress, "public-downloads/" + FileName).ToString(),
        });
        var store = services.GetRequiredService<IDatasetStore>();
        var files = await services.GetRequiredService<EmberSource>().FetchAsync(new RawArchive(store, TestPaths.NewTempFolder()), CancellationToken.None);
        return (files, store);
    }

    [Fact]
    public async Task FetchAsync_ReleaseFile_ArchivesItsBytesUnderTheirSha256WithProvenance()
    {
        await using var server = await LocalHttpServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/csv";
            context.Response.Headers.ETag = "\"ember-1\"";
            await context.Response.Body.WriteAsync(Recorded);
        });

        var (files, store) = await FetchAsync(server);

        var file = Assert.Single(files);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Recorded));
        Assert.Equal(("ember", FileName, $"raw/ember/{sha}.csv", (long)Recorded.Length, "\"ember-1\""), (file.Source, file.FileName, file.RawPath, file.Bytes, file.ETag));
        Assert.Equal(["/public-downloads/" + FileName], server.Requests);
        Assert.Equal(Recorded, await File.ReadAllBytesAsync(file.LocalPath));
        Assert.NotNull(await store.GetInfoAsync(file.RawPath));
    }

    [Fact]
    public async Task FetchAsync_HtmlPageWithStatus200_FailsNamingTheSourceFileAndCause()
    {
        await using var server = await LocalHttpServer.StartAsync(context =>
        {
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync("\n<!DOCTYPE html><html><head><title>Ember</title></head><body>Page moved</body></html>");
        });

        var error = await Assert.ThrowsAsync<SourceException>(() => FetchAsync(server));

        Assert.Equal($"ember: {FileName}: the server answered with an HTML page, not the data file.", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task FetchAsync_NotFound_FailsNamingFileAndStatus()
    {
        await using var server = await LocalHttpServer.StartAsync(context =>
        {
            context.Response.StatusCode = 404;
            return context.Response.WriteAsync("NoSuchKey");
        });

        var error = await Assert.ThrowsAsync<SourceException>(() => FetchAsync(server));

        Assert.Equal($"ember: {FileName}: HTTP 404 Not Found: NoSuchKey", error.Message);
    }
}
