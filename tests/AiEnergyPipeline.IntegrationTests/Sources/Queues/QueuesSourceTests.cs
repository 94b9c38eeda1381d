using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.IntegrationTests.Sources.Eia930;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Tabular;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Sources.Queues;

/// <summary>Downloading queue files from a real local HTTP server, then reading them.</summary>
public class QueuesSourceTests
{
    private const string WorkbookPath = "/sites/default/files/2026-05/LBNL_Ix_Queue_Data_File_thru2025.xlsx";
    private const string CsvPath = "/queues/pjm.csv";
    private static readonly byte[] Workbook = File.ReadAllBytes(Path.Combine(Snapshot.DefaultRoot, "queues", "lbnl", "LBNL_Ix_Queue_Data_File_thru2025.xlsx"));
    private static readonly byte[] Csv = File.ReadAllBytes(Path.Combine(Snapshot.DefaultRoot, "queues", "gridstatus", "pjm.csv"));

    private static ServiceProvider Services(LocalHttpServer server) => TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(TestPaths.NewTempFolder()))
    {
        ["Pipeline:Mode"] = "Live",
        ["Sources:Queues:Files:0:Url"] = new Uri(server.BaseAddress, WorkbookPath.TrimStart('/')).ToString(),
        ["Sources:Queues:Files:0:Format"] = "lbnl",
        ["Sources:Queues:Files:1:Url"] = new Uri(server.BaseAddress, CsvPath.TrimStart('/')).ToString(),
        ["Sources:Queues:Files:1:Format"] = "gridstatus",
        ["Sources:Queues:Files:1:Region"] = "PJM",
    });

    /// <summary>Serves the recorded files at their paths; <paramref name="respond"/> may answer a path otherwise.</summary>
    /// <summary>Answers 404 "No such queue" for <paramref name="path"/> and leaves every other file to the snapshot.</summary>
    private static Func<HttpContext, Task<bool>> NotFoundAt(string path) => async context =>
    {
        if (context.Request.Path != path)
        {
            return false;
        }

        context.Response.StatusCode = 404;
        await context.Response.WriteAsync("No such queue");
        return true;
    };

    private static Task<LocalHttpServer> ServeAsync(Func<HttpContext, Task<bool>>? respond = null, List<string>? userAgents = null) =>
        LocalHttpServer.StartAsync(async context =>
        {
            userAgents?.Add(context.Request.Headers.UserAgent.ToString());
            if (respond is not null && await respond(context))
            {
                return;
            }

            var body = context.Request.Path == WorkbookPath ? Workbook : context.Request.Path == CsvPath ? Csv : null;
            if (body is null)
            {
                context.Response.StatusCode = 404;
                return;
            }

            await context.Response.Body.WriteAsync(body);
        });

    [Fact]
    public async Task FetchAsync_BothFilesLive_ArchivesThemAndTheNormaliserPublishesEveryRow()
    {
        var userAgents = new List<string>();
        await using var server = await ServeAsync(userAgents: userAgents);
        await using var services = Services(server);
        var store = services.GetRequiredService<IDatasetStore>();

        var files = await services.GetRequiredService<QueuesSource>().FetchAsync(new RawArchive(store, TestPaths.NewTempFolder()), CancellationToken.None);

        Assert.Equal([WorkbookPath, CsvPath], server.Requests);
        Assert.Equal([QueuesSource.UserAgent, QueuesSource.UserAgent], userAgents);
        Assert.Equal(["LBNL_Ix_Queue_Data_File_thru2025.xlsx", "pjm.csv"], files.Select(f => f.FileName));
        Assert.Equal([(long)Workbook.Length, Csv.Length], files.Select(f => f.Bytes));
        Assert.All(files, f => Assert.StartsWith("raw/queues/", f.RawPath, StringComparison.Ordinal));
        Assert.Equal("xlsx", Path.GetExtension(files[0].RawPath).TrimStart('.'));
        Assert.Equal("pjm.csv", (await store.GetInfoAsync(files[1].RawPath))!.Metadata["file_name"]);

        var staging = TestPaths.NewTempFolder();
        await using var quarantine = TableWriter.Create(staging, Schemas.Quarantine, OriginColumn.Fetched);
        var context = new NormaliseContext(new Dictionary<string, IReadOnlyList<FetchedFile>> { ["queues"] = files }, staging, new QuarantineTable(quarantine, _ => OriginColumn.Fetched));
        var normaliser = services.GetServices<INormaliser>().OfType<QueuesNormaliser>().Single();
        var table = Assert.Single(await normaliser.NormaliseAsync(context, CancellationToken.None), t => t.Schema.Name == "queue_projects");

        Assert.Equal(19, table.Rows);
        Assert.Equal(0, context.Quarantine.Rows);
        Assert.Equal((19L, 19L), (context.CountsOf("queues").RowsIn, context.CountsOf("queues").RowsOut));
        var lines = await File.ReadAllLinesAsync(table.LocalPath);
        Assert.Contains(lines, l => l.StartsWith("PJM,AF1-123,Keystone Solar Phase 2,PA,Cumberland,Solar; Storage,solar_pv,120,,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ERCOT,254,Sunny Flats Solar + Storage,TX,Pecos,Solar+Battery,solar_pv,300,150,150,,2021-03-15,2027-11-01,month,active,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_OneFileNotFound_FailsTheSourceNamingThatFile()
    {
        await using var server = await ServeAsync(NotFoundAt(CsvPath));
        await using var services = Services(server);

        var error = await Assert.ThrowsAsync<SourceException>(() => services.GetRequiredService<QueuesSource>().FetchAsync(new RawArchive(services.GetRequiredService<IDatasetStore>(), TestPaths.NewTempFolder()), CancellationToken.None));

        Assert.Equal("queues: pjm.csv: HTTP 404 Not Found: No such queue", error.Message);
        Assert.Equal([WorkbookPath, CsvPath], server.Requests);
    }

    [Fact]
    public async Task FetchEachAsync_OneIsoFileNotFound_ReturnsTheOtherFilesAndTheFailureNamingFileIsoAndSetting()
    {
        await using var server = await ServeAsync(NotFoundAt(CsvPath));
        await using var services = Services(server);

        var fetched = await services.GetRequiredService<QueuesSource>().FetchEachAsync(new RawArchive(services.GetRequiredService<IDatasetStore>(), TestPaths.NewTempFolder()), CancellationToken.None);

        Assert.Equal(["LBNL_Ix_Queue_Data_File_thru2025.xlsx"], fetched.Files.Select(f => f.FileName));
        var failure = Assert.Single(fetched.Failures);
        Assert.Equal(("pjm.csv", "Sources:Queues:Files:1", "PJM", FailureStage.Fetch, "queues: pjm.csv: HTTP 404 Not Found: No such queue"),
            (failure.FileName, failure.Setting, failure.Missing, failure.Stage, failure.Error));
        Assert.Equal(new Uri(server.BaseAddress, CsvPath.TrimStart('/')).ToString(), failure.Url);
    }

    [Fact]
    public async Task FetchEachAsync_LbnlWorkbookFails_FailsTheSource()
    {
        // The LBNL workbook holds every queue: without it most of the table is gone, so the run keeps its latest.
        await using var server = await ServeAsync(context =>
        {
            if (context.Request.Path != WorkbookPath)
            {
                return Task.FromResult(false);
            }

            context.Response.StatusCode = 500;
            return Task.FromResult(true);
        });
        await using var services = Services(server);

        var error = await Assert.ThrowsAsync<SourceException>(() => services.GetRequiredService<QueuesSource>().FetchEachAsync(new RawArchive(services.GetRequiredService<IDatasetStore>(), TestPaths.NewTempFolder()), CancellationToken.None));

        Assert.StartsWith("queues: LBNL_Ix_Queue_Data_File_thru2025.xlsx: HTTP 500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchEachAsync_EveryFileOfOneIsoFails_FailsTheSourceNamingEach()
    {
        await using var server = await ServeAsync();
        await using var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(TestPaths.NewTempFolder()))
        {
            ["Pipeline:Mode"] = "Live",
            ["Sources:Queues:Files:0:Url"] = new Uri(server.BaseAddress, "queues/gone.csv").ToString(),
            ["Sources:Queues:Files:0:Format"] = "gridstatus",
            ["Sources:Queues:Files:0:Region"] = "PJM",
        });

        var error = await Assert.ThrowsAsync<SourceException>(() => services.GetRequiredService<QueuesSource>().FetchEachAsync(new RawArchive(services.GetRequiredService<IDatasetStore>(), TestPaths.NewTempFolder()), CancellationToken.None));

        Assert.Equal("queues: no queue file could be fetched: queues: gone.csv: HTTP 404 Not Found", error.Message);
    }

    [Fact]
    public async Task FetchAsync_WorkbookAnsweredWithAnHtmlPage_FailsBeforeArchivingIt()
    {
        await using var server = await ServeAsync(async context =>
        {
            if (context.Request.Path != WorkbookPath)
            {
                return false;
            }

            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<!DOCTYPE html><html><body>Queued Up</body></html>");
            return true;
        });
        await using var services = Services(server);
        var store = services.GetRequiredService<IDatasetStore>();

        var error = await Assert.ThrowsAsync<SourceException>(() => services.GetRequiredService<QueuesSource>().FetchAsync(new RawArchive(store, TestPaths.NewTempFolder()), CancellationToken.None));

        Assert.Equal("queues: LBNL_Ix_Queue_Data_File_thru2025.xlsx: the server answered with an HTML page, not the data file.", error.Message);
        Assert.Equal([WorkbookPath], server.Requests);
    }

    [Fact]
    public async Task FetchAsync_GridstatusEntryWithoutRegion_FailsNamingTheSettingWithoutARequest()
    {
        await using var server = await ServeAsync();
        await using var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(TestPaths.NewTempFolder()))
        {
            ["Pipeline:Mode"] = "Live",
            ["Sources:Queues:Files:0:Url"] = new Uri(server.BaseAddress, CsvPath.TrimStart('/')).ToString(),
            ["Sources:Queues:Files:0:Format"] = "gridstatus",
        });

        var error = await Assert.ThrowsAsync<SourceException>(() => services.GetRequiredService<QueuesSource>().FetchAsync(new RawArchive(services.GetRequiredService<IDatasetStore>(), TestPaths.NewTempFolder()), CancellationToken.None));

        Assert.StartsWith("queues: Sources__Queues__Files__0__Region is not set: must be the ISO whose queue a gridstatus file holds", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
