using System.Security.Cryptography;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Fetch;

/// <summary>Downloading BALANCE files from a real local HTTP server.</summary>
public class Eia930BulkSourceTests
{
    private const string FileName = "EIA930_BALANCE_2025_Jul_Dec.csv";
    private static readonly byte[] Recorded = File.ReadAllBytes(Path.Combine(Snapshot.DefaultRoot, TestPaths.BulkSnapshotFile));

    private static async Task<(IReadOnlyList<FetchedFile> Files, IDatasetStore Store)> FetchAsync(LocalHttpServer server)
    {
        await using var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(TestPaths.NewTempFolder()))
        {
            ["Pipeline:Mode"] = "Live",
            ["Sources:Eia930Bulk:Url"] = new Uri(server.BaseAddress, "sixMonthFiles/").ToString(),
            ["Sources:Eia930Bulk:Files:0"] = FileName,
        });
        var store = services.GetRequiredService<IDatasetStore>();
        var files = await services.GetRequiredService<Eia930BulkSource>().FetchAsync(new RawArchive(store, TestPaths.NewTempFolder()), CancellationToken.None);
        return (files, store);
    }

    [Fact]
    public async Task FetchAsync_RecordedFile_ArchivesItsBytesUnderTheirSha256WithProvenance()
    {
        await using var server = await LocalHttpServer.StartAsync(async context =>
        {
            context.Response.Headers.LastModified = "Tue, 06 Jan 2026 10:00:00 GMT";
            context.Response.Headers.ETag = "\"v1\"";
            await context.Response.Body.WriteAsync(Recorded);
        });

        var (files, store) = await FetchAsync(server);

        var file = Assert.Single(files);
        var sha = Convert.ToHexStringLower(SHA256.HashData(Recorded));
        Assert.Equal(($"raw/eia930_bulk/{sha}.csv", sha, (long)Recorded.Length), (file.RawPath, file.Sha256, file.Bytes));
        Assert.Equal(("\"v1\"", "Tue, 06 Jan 2026 10:00:00 GMT"), (file.ETag, file.LastModified));
        Assert.Equal(["/sixMonthFiles/" + FileName], server.Requests);
        var info = await store.GetInfoAsync(file.RawPath);
        Assert.Equal(FileName, info!.Metadata["file_name"]);
        Assert.False(file.AlreadyArchived);
    }

    [Fact]
    public async Task FetchAsync_SameBytesAgain_IsRecognisedAsAlreadyArchived()
    {
        await using var server = await LocalHttpServer.StartAsync(context => context.Response.Body.WriteAsync(Recorded).AsTask());
        var store = new FileSystemDatasetStore(TestPaths.NewTempFolder());
        await using var services = TestPipeline.Build(new Dictionary<string, string?>
        {
            ["Pipeline:Mode"] = "Live",
            ["PublishedStorage:Path"] = TestPaths.NewTempFolder(),
            ["Sources:Eia930Bulk:Url"] = new Uri(server.BaseAddress, "f/").ToString(),
            ["Sources:Eia930Bulk:Files:0"] = FileName,
        });
        var source = services.GetRequiredService<Eia930BulkSource>();

        var first = await source.FetchAsync(new RawArchive(store, TestPaths.NewTempFolder()), CancellationToken.None);
        var second = await source.FetchAsync(new RawArchive(store, TestPaths.NewTempFolder()), CancellationToken.None);

        Assert.Equal((false, true), (first[0].AlreadyArchived, second[0].AlreadyArchived));
        Assert.Equal(first[0].RawPath, second[0].RawPath);
    }

    [Fact]
    public async Task FetchAsync_NotFound_FailsNamingFileAndStatusWithoutRetrying()
    {
        await using var server = await LocalHttpServer.StartAsync(context =>
        {
            context.Response.StatusCode = 404;
            return context.Response.WriteAsync("File not found");
        });

        var error = await Assert.ThrowsAsync<SourceException>(() => FetchAsync(server));

        Assert.Equal($"eia930_bulk: {FileName}: HTTP 404 Not Found: File not found", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task FetchAsync_BodyCutOffMidway_FailsNamingTheFile()
    {
        await using var server = await LocalHttpServer.StartAsync(async context =>
        {
            context.Response.ContentLength = Recorded.Length;
            // Kestrel resets the connection when a response ends short of its Content-Length.
            await context.Response.Body.WriteAsync(Recorded.AsMemory(0, 1000));
        });

        var error = await Assert.ThrowsAsync<SourceException>(() => FetchAsync(server));

        Assert.StartsWith($"eia930_bulk: {FileName}: download failed", error.Message, StringComparison.Ordinal);
    }
}
