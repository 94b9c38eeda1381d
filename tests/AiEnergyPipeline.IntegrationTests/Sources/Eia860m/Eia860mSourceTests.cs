using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.IntegrationTests.Sources.Eia930;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tabular;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Sources.Eia860m;

/// <summary>Finding and downloading the newest EIA-860M workbook (the newest vintage) from a real local HTTP server.</summary>
public class Eia860mSourceTests
{
    private static readonly byte[] Workbook = File.ReadAllBytes(Path.Combine(Snapshot.DefaultRoot, "eia860m", "august_generator2026.xlsx"));
    private const string HtmlPage = "<!DOCTYPE html><html><head><title>EIA-860M</title></head><body>Monthly update to the annual electric generator report</body></html>";

    private static async Task<(IReadOnlyList<FetchedFile> Files, string Store)> FetchAsync(LocalHttpServer server, Dictionary<string, string?>? settings = null, TimeProvider? time = null, CapturedLogs? logs = null)
    {
        var store = TestPaths.NewTempFolder();
        var all = new Dictionary<string, string?>(TestPipeline.FolderStore(store))
        {
            ["Pipeline:Mode"] = "Live",
            ["Sources:Eia860m:Url"] = new Uri(server.BaseAddress, "electricity/data/eia860m/").ToString(),
            ["Sources:Eia860m:MonthsBack"] = "2",
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        await using var services = TestPipeline.Build(all, time ?? new FakeTimeProvider(TestPipeline.Now), logs);
        // As the partitioned pipeline does: plan (finding the newest month unless pinned), then fetch the newest vintage.
        var source = services.GetRequiredService<Eia860mSource>();
        var archive = new RawArchive(services.GetRequiredService<IDatasetStore>(), TestPaths.NewTempFolder());
        var plan = await source.PlanAsync(archive, CancellationToken.None);
        return ([await source.FetchPartitionAsync(plan[^1], archive, CancellationToken.None)], store);
    }

    private static Task Answer(HttpContext context, Dictionary<string, Func<HttpContext, Task>> routes) =>
        routes.TryGetValue(context.Request.Path.Value!, out var answer) ? answer(context) : NotFound(context);

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = 404;
        return context.Response.WriteAsync("<html><body>Page not found</body></html>");
    }

    private static Task Html(HttpContext context)
    {
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync(HtmlPage);
    }

    private static Task Xlsx(HttpContext context) => context.Response.Body.WriteAsync(Workbook).AsTask();

    private static string[] RawFiles(string store) =>
        Directory.Exists(Path.Combine(store, "raw")) ? Directory.GetFiles(Path.Combine(store, "raw"), "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task PlanAsync_CurrentMonthMissingAndPreviousAnHtmlPage_PlansAndFetchesTheMonthBefore()
    {
        var logs = new CapturedLogs();
        await using var server = await LocalHttpServer.StartAsync(context => Answer(context, new()
        {
            ["/electricity/data/eia860m/xls/october_generator2026.xlsx"] = Html,
            ["/electricity/data/eia860m/archive/xls/october_generator2026.xlsx"] = Html,
            ["/electricity/data/eia860m/xls/september_generator2026.xlsx"] = Xlsx,
        }));

        var (files, store) = await FetchAsync(server, logs: logs);

        var file = Assert.Single(files);
        Assert.Equal(("eia860m", "september_generator2026.xlsx", (long)Workbook.Length), (file.Source, file.FileName, file.Bytes));
        Assert.EndsWith("/electricity/data/eia860m/xls/september_generator2026.xlsx", file.Url, StringComparison.Ordinal);
        Assert.Equal(
            [
                "/electricity/data/eia860m/xls/november_generator2026.xlsx",
                "/electricity/data/eia860m/archive/xls/november_generator2026.xlsx",
                "/electricity/data/eia860m/xls/october_generator2026.xlsx",
                "/electricity/data/eia860m/archive/xls/october_generator2026.xlsx",
                "/electricity/data/eia860m/xls/september_generator2026.xlsx",
                "/electricity/data/eia860m/xls/september_generator2026.xlsx",
            ],
            server.Requests);
        // The HTML pages were refused before archiving: only the workbook is in the raw archive.
        Assert.Equal([Path.GetFileName(file.RawPath)], RawFiles(store).Select(Path.GetFileName));
        Assert.Contains("no workbook at " + server.BaseAddress + "electricity/data/eia860m/xls/november_generator2026.xlsx: HTTP 404", logs.All, StringComparison.Ordinal);
        Assert.Contains("october_generator2026.xlsx: the server answered with an HTML page", logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchPartitionAsync_MonthMovedToTheArchive_FetchesItFromTheArchivePath()
    {
        await using var server = await LocalHttpServer.StartAsync(context => Answer(context, new()
        {
            ["/electricity/data/eia860m/archive/xls/august_generator2026.xlsx"] = Xlsx,
        }));

        var (files, _) = await FetchAsync(server, new() { ["Sources:Eia860m:Month"] = "2026-08" });

        var file = Assert.Single(files);
        Assert.EndsWith("/electricity/data/eia860m/archive/xls/august_generator2026.xlsx", file.Url, StringComparison.Ordinal);
        Assert.Equal(["/electricity/data/eia860m/xls/august_generator2026.xlsx", "/electricity/data/eia860m/archive/xls/august_generator2026.xlsx"], server.Requests);
    }

    [Fact]
    public async Task PlanAsync_NoMonthPublished_FailsListingEveryUrlTried()
    {
        await using var server = await LocalHttpServer.StartAsync(context => context.Request.Path.Value!.Contains("/archive/", StringComparison.Ordinal) ? NotFound(context) : Html(context));

        var error = await Assert.ThrowsAsync<SourceException>(() => FetchAsync(server, new() { ["Sources:Eia860m:MonthsBack"] = "1" }));

        Assert.Equal("eia860m", error.SourceName);
        Assert.StartsWith("eia860m: no EIA-860M workbook found; tried ", error.Message, StringComparison.Ordinal);
        var root = server.BaseAddress + "electricity/data/eia860m/";
        Assert.Contains($"{root}xls/november_generator2026.xlsx (the server answered with an HTML page", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{root}archive/xls/november_generator2026.xlsx (HTTP 404)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{root}xls/october_generator2026.xlsx (", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{root}archive/xls/october_generator2026.xlsx (HTTP 404)", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task FetchPartitionAsync_ServerErrorOnThePinnedMonth_FailsTheSourceAfterRetriesWithoutTryingTheArchive()
    {
        await using var server = await LocalHttpServer.StartAsync(context =>
        {
            context.Response.StatusCode = 500;
            return context.Response.WriteAsync("Internal Server Error");
        });

        // The real clock: the retries' back-off waits on it (10 ms in tests).
        var error = await Assert.ThrowsAsync<SourceException>(() => FetchAsync(server, new() { ["Sources:Eia860m:Month"] = "2026-08" }, TimeProvider.System));

        Assert.Equal("eia860m: august_generator2026.xlsx: HTTP 500 Internal Server Error: Internal Server Error", error.Message);
        // One attempt and three retries, all of the same URL.
        Assert.Equal(4, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("/electricity/data/eia860m/xls/august_generator2026.xlsx", r));
    }
}
