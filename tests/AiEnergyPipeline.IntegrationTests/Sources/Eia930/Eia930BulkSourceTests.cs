using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Cryptography;

namespace AiEnergyPipeline.IntegrationTests.Sources.Eia930;

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

    [Fact]
    public async Task FetchPartitionAsync_FolderStore_TheDownloadIsMovedIntoTheArchiveAndReadFromThere()
    {
        await using var server = await LocalHttpServer.StartAsync(async context =>
        {
            context.Response.ContentLength = Recorded.Length;
            context.Response.Headers.ETag = "\"v1\"";
            await context.Response.Body.WriteAsync(Recorded);
        });
        var root = TestPaths.NewTempFolder();
        var store = new FailureDescribingStore(new FileSystemDatasetStore(root));
        await using var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(TestPaths.NewTempFolder()))
        {
            ["Pipeline:Mode"] = "Live",
            ["Sources:Eia930Bulk:Url"] = new Uri(server.BaseAddress, "sixMonthFiles/").ToString(),
            ["Sources:Eia930Bulk:Files:0"] = FileName,
        });
        var work = TestPaths.NewTempFolder();

        var file = await services.GetRequiredService<Eia930BulkSource>().FetchPartitionAsync("2025_h2", new RawArchive(store, work), CancellationToken.None);

        // Written once: no copy left in the work folder, and the normaliser reads the archived object itself.
        Assert.Empty(Directory.Exists(work) ? Directory.GetFiles(work, "*", SearchOption.AllDirectories) : []);
        Assert.Equal(Path.Combine(root, file.RawPath.Replace('/', Path.DirectorySeparatorChar)), file.LocalPath);
        Assert.Equal(Recorded, await File.ReadAllBytesAsync(file.LocalPath));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Recorded)), file.Sha256);
        Assert.Equal(FileName, (await store.GetInfoAsync(file.RawPath))!.Metadata["file_name"]);
    }

    [Fact]
    public async Task FetchAsync_SecondTimeWithValidators_SendsThemAndReusesTheArchivedBytesOn304()
    {
        var conditions = new System.Collections.Concurrent.ConcurrentQueue<(string? IfNoneMatch, string? IfModifiedSince)>();
        await using var server = await LocalHttpServer.StartAsync(async context =>
        {
            conditions.Enqueue((context.Request.Headers.IfNoneMatch.FirstOrDefault(), context.Request.Headers.IfModifiedSince.FirstOrDefault()));
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.Headers.LastModified = "Tue, 06 Jan 2026 10:00:00 GMT";
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return;
            }

            await context.Response.Body.WriteAsync(Recorded);
        });
        var store = new FileSystemDatasetStore(TestPaths.NewTempFolder());
        await using var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(TestPaths.NewTempFolder()))
        {
            ["Pipeline:Mode"] = "Live",
            ["Sources:Eia930Bulk:Url"] = new Uri(server.BaseAddress, "sixMonthFiles/").ToString(),
            ["Sources:Eia930Bulk:Files:0"] = FileName,
        });
        var source = services.GetRequiredService<Eia930BulkSource>();
        var first = await source.FetchPartitionAsync("2025_h2", new RawArchive(store, TestPaths.NewTempFolder()), CancellationToken.None);
        var rawWritten = (await store.GetInfoAsync(first.RawPath))!.ETag;
        var work = TestPaths.NewTempFolder();

        var second = await source.FetchPartitionAsync("2025_h2", new RawArchive(store, work), CancellationToken.None);

        Assert.Equal([(null, null), ("\"v1\"", "Tue, 06 Jan 2026 10:00:00 GMT")], conditions);
        Assert.True(second.NotModified);
        Assert.Equal((first.RawPath, first.Sha256, first.Bytes), (second.RawPath, second.Sha256, second.Bytes));
        Assert.Equal(rawWritten, (await store.GetInfoAsync(first.RawPath))!.ETag);
        // Not copied from the archive until a normaliser needs the bytes.
        Assert.False(File.Exists(second.LocalPath));
        await new RawArchive(store, work).EnsureLocalAsync(second, CancellationToken.None);
        Assert.Equal(Recorded, await File.ReadAllBytesAsync(second.LocalPath));
    }

    [Fact]
    public async Task PlanAsync_FileList_OnePartitionPerBalanceFileFromTheFirstYear()
    {
        var list = BalanceFiles.List(["EIA930_BALANCE_2019_Jul_Dec.csv", "EIA930_BALANCE_2020_Jan_Jun.csv", "EIA930_BALANCE_2020_Jul_Dec.csv"]);
        await using var server = await LocalHttpServer.StartAsync(context => context.Response.Body.WriteAsync(list).AsTask());
        await using var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(TestPaths.NewTempFolder()))
        {
            ["Pipeline:Mode"] = "Live",
            ["Sources:Eia930Bulk:Url"] = new Uri(server.BaseAddress, "six").ToString(),
            ["Sources:Eia930Bulk:FromYear"] = "2020",
        });

        var partitions = await services.GetRequiredService<Eia930BulkSource>().PlanAsync(new RawArchive(services.GetRequiredService<IDatasetStore>(), TestPaths.NewTempFolder()), CancellationToken.None);

        Assert.Equal(["2020_h1", "2020_h2"], partitions);
        Assert.Equal(["/six/EIA930_File_List_Meta.csv"], server.Requests);
    }

    [Fact]
    public async Task PlanAsync_FileListIsAnErrorPage_FailsNamingTheList()
    {
        await using var server = await LocalHttpServer.StartAsync(context => context.Response.WriteAsync("<html><body>Maintenance</body></html>"));
        await using var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(TestPaths.NewTempFolder()))
        {
            ["Pipeline:Mode"] = "Live",
            ["Sources:Eia930Bulk:Url"] = server.BaseAddress.ToString(),
        });

        var error = await Assert.ThrowsAsync<SourceException>(() => services.GetRequiredService<Eia930BulkSource>().PlanAsync(new RawArchive(services.GetRequiredService<IDatasetStore>(), TestPaths.NewTempFolder()), CancellationToken.None));

        Assert.Equal("eia930_bulk: EIA930_File_List_Meta.csv: the server answered with an HTML page, not the data file.", error.Message);
    }
}
