using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using System.Text;

namespace AiEnergyPipeline.IntegrationTests.Sources.Eia930;

/// <summary>Paging through EIA API v2 against a real local HTTP server.</summary>
public class Eia930ApiSourceTests
{
    private const string Key = "TEST-EIA-KEY-0123456789abcdef";

    private sealed record Fetch(IReadOnlyList<FetchedFile> Files, string Store, CapturedLogs Logs);

    private static async Task<Fetch> FetchAsync(LocalHttpServer server, int pageLength = 5, string? key = Key, string? store = null, string? work = null, long? maxPageBytes = null)
    {
        store ??= TestPaths.NewTempFolder();
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string?>(TestPipeline.FolderStore(store))
        {
            ["Pipeline:Mode"] = "Live",
            ["EIA_API_KEY"] = key,
            ["Sources:Eia930Api:Url"] = new Uri(server.BaseAddress, ApiPageServer.Route).ToString(),
            ["Sources:Eia930Api:PageLength"] = pageLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Sources:Eia930Api:Start"] = "2026-01-01T00",
            ["Sources:Eia930Api:End"] = "2026-01-02T00",
        };
        if (maxPageBytes is { } max)
        {
            settings["Sources:Eia930Api:MaxPageBytes"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await using var services = TestPipeline.Build(settings, logs: logs);
        var source = services.GetRequiredService<Eia930ApiSource>();
        var archive = new RawArchive(services.GetRequiredService<IDatasetStore>(), work ?? TestPaths.NewTempFolder());
        var files = await source.FetchAsync(archive, CancellationToken.None);
        return new Fetch(files, store, logs);
    }

    private static List<BaHourlyRecord> RowsOf(IEnumerable<FetchedFile> files) =>
        files.SelectMany(f => Eia930ApiPage.Read(File.OpenRead(f.LocalPath), f, q => Assert.Fail(q.Reason))).ToList();

    [Fact]
    public async Task FetchAsync_TwelveRowsInPagesOfFive_ReadsThreePagesAndEveryRowOnce()
    {
        await using var server = await ApiPageServer.StartAsync(rows: 12);

        var fetch = await FetchAsync(server);

        Assert.Equal(3, fetch.Files.Count);
        var rows = RowsOf(fetch.Files);
        Assert.Equal(12, rows.Count);
        Assert.Equal(12, rows.Select(r => (r.PeriodEndUtc, r.Series)).Distinct().Count());
        Assert.Equal(["offset=0", "offset=5", "offset=10"], server.Requests.Select(r => r.Split('&').Single(p => p.StartsWith("offset=", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task FetchAsync_PagesOfTheApisLargest5000Rows_ReadsEveryRowOnceAsAStream()
    {
        await using var server = await ApiPageServer.StartAsync(rows: 12_345);

        var fetch = await FetchAsync(server, pageLength: 5000);

        Assert.Equal(3, fetch.Files.Count);
        var rows = RowsOf(fetch.Files);
        Assert.Equal(12_345, rows.Count);
        Assert.Equal(12_345, rows.Select(r => (r.PeriodEndUtc, r.Series)).Distinct().Count());
        Assert.Equal(90000 + 12_344, rows[^1].ValueMw);
    }

    [Fact]
    public async Task FetchAsync_EveryRequest_IsSortedAndPagedWithTheConfiguredLength()
    {
        await using var server = await ApiPageServer.StartAsync(rows: 7);

        await FetchAsync(server);

        Assert.All(server.Requests, r =>
        {
            var query = Uri.UnescapeDataString(r);
            Assert.Contains("sort[0][column]=period&sort[0][direction]=asc", query, StringComparison.Ordinal);
            Assert.Contains("sort[1][column]=respondent", query, StringComparison.Ordinal);
            Assert.Contains("length=5", query, StringComparison.Ordinal);
            Assert.Contains("frequency=hourly", query, StringComparison.Ordinal);
            Assert.Contains("start=2026-01-01T00&end=2026-01-02T00", query, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task FetchAsync_TotalAsNumber_PagesTheSame()
    {
        await using var server = await ApiPageServer.StartAsync(rows: 11, totalAsNumber: true);

        var fetch = await FetchAsync(server);

        Assert.Equal(11, RowsOf(fetch.Files).Count);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task FetchAsync_ServerErrorThenSuccess_RetriesThePageAndLosesNothing()
    {
        await using var server = await ApiPageServer.StartAsync(rows: 12, fault: async (n, context) =>
        {
            if (n != 2)
            {
                return false;
            }

            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("{\"error\":\"Something unexpected happened.\"}");
            return true;
        });

        var fetch = await FetchAsync(server);

        Assert.Equal(12, RowsOf(fetch.Files).Count);
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(server.Requests.ElementAt(1), server.Requests.ElementAt(2));
    }

    [Fact]
    public async Task FetchAsync_EmptyPageBeforeTotal_StopsWithTheRowsRead()
    {
        await using var server = await ApiPageServer.StartAsync(rows: 12, claimedTotal: 20);

        var fetch = await FetchAsync(server);

        Assert.Equal(12, RowsOf(fetch.Files).Count);
        Assert.Equal(4, server.Requests.Count);
        Assert.Contains(fetch.Logs.Lines, l => l.Contains("empty page after 12 of 20 rows", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchEachAsync_EmptyPageBeforeTotal_TheRestOfTheWindowIsAFailureSoTheSourceIsPartial()
    {
        await using var server = await ApiPageServer.StartAsync(rows: 12, claimedTotal: 20);
        var store = TestPaths.NewTempFolder();
        await using var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(store))
        {
            ["Pipeline:Mode"] = "Live",
            ["EIA_API_KEY"] = Key,
            ["Sources:Eia930Api:Url"] = new Uri(server.BaseAddress, ApiPageServer.Route).ToString(),
            ["Sources:Eia930Api:PageLength"] = "5",
            ["Sources:Eia930Api:Start"] = "2026-01-01T00",
            ["Sources:Eia930Api:End"] = "2026-01-02T00",
        });
        var archive = new RawArchive(services.GetRequiredService<IDatasetStore>(), TestPaths.NewTempFolder());

        var fetch = await ((ISource)services.GetRequiredService<Eia930ApiSource>()).FetchEachAsync(archive, CancellationToken.None);

        Assert.Equal(12, RowsOf(fetch.Files).Count);
        var failure = Assert.Single(fetch.Failures);
        Assert.Equal("rows 13 to 20 of the 20 the API counts for 2026-01-01T00 to 2026-01-02T00", failure.Missing);
        Assert.Equal("eia930_api: region-data_2026-01-01T00_2026-01-02T00_offset12.json: the API answered an empty page after 12 of the 20 rows it counts: the window is read in part", failure.Error);
        Assert.Equal("Sources:Eia930Api:Url", failure.Setting);
        Assert.DoesNotContain(Key, failure.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_ApiKey_NeverReachesArchivedBytesUrlsOrLogs()
    {
        await using var server = await ApiPageServer.StartAsync(rows: 9);

        var fetch = await FetchAsync(server);

        Assert.All(server.Requests, r => Assert.Contains("api_key=" + Key, r, StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(fetch.Store, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Key, await File.ReadAllTextAsync(file, Encoding.UTF8), StringComparison.Ordinal);
        }

        Assert.All(fetch.Files, f => Assert.Contains("api_key=REDACTED", f.Url, StringComparison.Ordinal));
        Assert.DoesNotContain(Key, fetch.Logs.All, StringComparison.Ordinal);
        Assert.NotEmpty(fetch.Logs.Lines);
    }

    [Fact]
    public async Task FetchAsync_Forbidden_FailsWithTheApiErrorWithoutRetryingOrLeakingTheKey()
    {
        await using var server = await ApiPageServer.StartAsync(rows: 5, fault: async (_, context) =>
        {
            context.Response.StatusCode = 403;
            await context.Response.WriteAsync($"{{\"error\":{{\"code\":\"API_KEY_INVALID\",\"message\":\"An invalid api_key ({Key}) was supplied.\"}}}}");
            return true;
        });

        var error = await Assert.ThrowsAsync<SourceException>(() => FetchAsync(server));

        Assert.Single(server.Requests);
        Assert.Contains("HTTP 403", error.Message, StringComparison.Ordinal);
        Assert.Contains("API_KEY_INVALID", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("eia930_api: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_NoKey_FailsSayingWhichSettingToSet()
    {
        await using var server = await ApiPageServer.StartAsync(rows: 5);

        var error = await Assert.ThrowsAsync<SourceException>(() => FetchAsync(server, key: null));

        Assert.Contains("EIA_API_KEY", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task FetchAsync_BodyIsNotJson_FailsNamingThePage()
    {
        await using var server = await ApiPageServer.StartAsync(rows: 5, fault: async (_, context) =>
        {
            await context.Response.WriteAsync("<html><body>maintenance</body></html>");
            return true;
        });

        var error = await Assert.ThrowsAsync<SourceException>(() => FetchAsync(server));

        Assert.Contains("offset0.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_KeyEchoSentAFewBytesAtATime_IsMaskedWhereverTheWritesSplitIt()
    {
        var page = $"{{\"response\":{{\"total\":\"1\",\"data\":[{{\"period\":\"2026-01-01T00\",\"respondent\":\"PJM\",\"type\":\"D\",\"value\":\"90000\"}}]}},\"request\":{{\"params\":{{\"api_key\":\"{Key}\",\"note\":\"{Key}{Key}\"}}}}}}";
        await using var server = await ApiPageServer.StartAsync(rows: 1, fault: async (_, context) =>
        {
            var bytes = Encoding.UTF8.GetBytes(page);
            for (var i = 0; i < bytes.Length; i += 7)
            {
                await context.Response.Body.WriteAsync(bytes.AsMemory(i, Math.Min(7, bytes.Length - i)));
                await context.Response.Body.FlushAsync();
            }

            return true;
        });

        var fetch = await FetchAsync(server);

        var archived = await File.ReadAllTextAsync(Assert.Single(fetch.Files).LocalPath);
        Assert.Equal(page.Replace(Key, "REDACTED", StringComparison.Ordinal), archived);
        Assert.Single(RowsOf(fetch.Files));
    }

    [Fact]
    public async Task FetchAsync_PageOverMaxPageBytes_FailsNamingTheSettingAndLeavesNoFileBehind()
    {
        await using var server = await ApiPageServer.StartAsync(rows: 2000);
        var store = TestPaths.NewTempFolder();
        var work = TestPaths.NewTempFolder();

        var error = await Assert.ThrowsAsync<SourceException>(() => FetchAsync(server, pageLength: 2000, store: store, work: work, maxPageBytes: 65536));

        Assert.Equal("eia930_api: region-data_2026-01-01T00_2026-01-02T00_offset0.json: page is larger than 65536 bytes (Sources:Eia930Api:MaxPageBytes).", error.Message);
        Assert.Empty(Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(store, "raw")));
    }

    [Fact]
    public async Task FetchAsync_ErrorAnswerWithStatus200_FailsWithTheApisErrorMaskedAndArchivesNothing()
    {
        await using var server = await ApiPageServer.StartAsync(rows: 5, fault: async (_, context) =>
        {
            await context.Response.WriteAsync($"{{\"error\":\"invalid api_key {Key} for this route\",\"code\":400}}");
            return true;
        });
        var store = TestPaths.NewTempFolder();
        var work = TestPaths.NewTempFolder();

        var error = await Assert.ThrowsAsync<SourceException>(() => FetchAsync(server, store: store, work: work));

        Assert.Equal("eia930_api: region-data_2026-01-01T00_2026-01-02T00_offset0.json: the API answered with an error: invalid api_key REDACTED for this route", error.Message);
        Assert.Empty(Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(store, "raw")));
    }
}
