using System.Text.Json;
using AiEnergyPipeline.Functions;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Functions;

/// <summary>GET /api/health over Azurite with a clock the test moves: 200 when the data is fresh and the sources answer, 503 with the reasons otherwise.</summary>
public class HealthFunctionTests
{
    /// <summary>The status code and the body as a client reads it.</summary>
    internal static async Task<(int Status, JsonElement Body)> HealthAsync(FunctionsHost host)
    {
        var result = Assert.IsType<JsonResult>(await host.Function<HealthFunction>().RunAsync(host.Get(), CancellationToken.None));
        return (result.StatusCode ?? 200, JsonSerializer.SerializeToElement(result.Value, PublishedJson.Options));
    }

    private static string[] Codes(JsonElement body) => [.. body.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)];

    private static async Task IngestAsync(FunctionsHost host) => await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);

    private static string SnapshotWithoutTheBulkFile()
    {
        var snapshot = TestPaths.CopyOfSnapshot();
        File.Delete(Path.Combine(snapshot, TestPaths.BulkSnapshotFile));
        return snapshot;
    }

    [Fact]
    public async Task Health_FreshSampleRun_Answers200OkSayingItIsASample()
    {
        await using var host = FunctionsHost.Create();
        await IngestAsync(host);
        host.Time.Advance(TimeSpan.FromHours(2));

        var (status, body) = await HealthAsync(host);

        Assert.Equal(200, status);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Empty(Codes(body));
        Assert.True(body.GetProperty("sample").GetBoolean());
        Assert.Equal("sample", body.GetProperty("mode").GetString());
        Assert.Equal(AiEnergyPipeline.Publish.CodeVersion.Current, body.GetProperty("code_version").GetString());
        Assert.Equal(TimeSpan.FromHours(2), TimeSpan.Parse(body.GetProperty("data_age").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("published", body.GetProperty("last_ingest_status").GetString());
        var sources = body.GetProperty("sources").EnumerateArray().ToList();
        Assert.Contains(sources, s => s.GetProperty("name").GetString() == "eia930_bulk");
        Assert.All(sources, s => Assert.Equal((0, "ok"), (s.GetProperty("consecutive_failures").GetInt32(), s.GetProperty("status").GetString())));
        Assert.All(sources, s => Assert.Equal(body.GetProperty("latest_run_id").GetString(), s.GetProperty("last_success_run_id").GetString()));
    }

    [Fact]
    public async Task Health_LatestRunOlderThanMaxDataAge_Answers503WithStaleData()
    {
        await using var host = FunctionsHost.Create();
        await IngestAsync(host);
        host.Time.Advance(TimeSpan.FromHours(35));
        var (freshStatus, _) = await HealthAsync(host);
        host.Time.Advance(TimeSpan.FromHours(2));

        var (status, body) = await HealthAsync(host);

        Assert.Equal((200, 503), (freshStatus, status));
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal(["stale_data"], Codes(body));
        var message = body.GetProperty("reasons")[0].GetProperty("message").GetString()!;
        Assert.StartsWith("The data is 37 hours old, more than Health__MaxDataAge (36 hours): the latest run ", message, StringComparison.Ordinal);
        Assert.Equal(body.GetProperty("latest_run_id").GetString(), body.GetProperty("last_ingest_run_id").GetString());
    }

    [Fact]
    public async Task Health_UnchangedIngestAfterTheRun_CountsTheDataFreshFromIt()
    {
        await using var host = FunctionsHost.Create();
        await IngestAsync(host);
        host.Time.Advance(TimeSpan.FromHours(30));
        await IngestAsync(host);
        host.Time.Advance(TimeSpan.FromHours(30));

        var (status, body) = await HealthAsync(host);

        Assert.Equal(200, status);
        Assert.Equal("unchanged", body.GetProperty("last_ingest_status").GetString());
        Assert.Equal(TimeSpan.FromHours(60), TimeSpan.Parse(body.GetProperty("latest_age").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(TimeSpan.Parse(body.GetProperty("data_age").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= TimeSpan.FromHours(30));
    }

    [Fact]
    public async Task Health_SourceFailingMoreRunsInARowThanAllowed_Answers503NamingItUntilItSucceeds()
    {
        var container = Azurite.NewContainer().Name;
        var oneFailureAllowed = new Dictionary<string, string?> { ["Health:MaxConsecutiveFailures"] = "1" };
        await using (var good = FunctionsHost.Create(container: container, extra: oneFailureAllowed))
        {
            await IngestAsync(good);
        }

        await using var broken = FunctionsHost.Create(SnapshotWithoutTheBulkFile(), container, oneFailureAllowed);
        broken.Time.Advance(TimeSpan.FromHours(1));
        await IngestAsync(broken);
        var (afterOne, _) = await HealthAsync(broken);
        broken.Time.Advance(TimeSpan.FromHours(1));
        await IngestAsync(broken);

        var (status, body) = await HealthAsync(broken);

        Assert.Equal((200, 503), (afterOne, status));
        Assert.Equal(["source_failing"], Codes(body));
        var reason = body.GetProperty("reasons")[0];
        Assert.Equal("eia930_bulk", reason.GetProperty("source").GetString());
        Assert.StartsWith("eia930_bulk has failed 2 ingest runs in a row, more than Health__MaxConsecutiveFailures (1); the last in run ", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
        var bulk = body.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "eia930_bulk");
        Assert.Equal(("failing", 2), (bulk.GetProperty("status").GetString(), bulk.GetProperty("consecutive_failures").GetInt32()));
        Assert.Contains("eia930_bulk", bulk.GetProperty("last_error").GetString(), StringComparison.Ordinal);
        Assert.NotNull(bulk.GetProperty("last_success_at").GetString());
        Assert.Equal("failed", body.GetProperty("last_ingest_status").GetString());
        Assert.Contains("source eia930_bulk has failed 2 ingest run(s) in a row, the last in run ", broken.Logs.All, StringComparison.Ordinal);

        await using var repaired = FunctionsHost.Create(container: container, extra: oneFailureAllowed);
        repaired.Time.Advance(TimeSpan.FromHours(3));
        await IngestAsync(repaired);
        var (after, _) = await HealthAsync(repaired);
        Assert.Equal(200, after);
    }

    [Fact]
    public async Task Health_NothingPublished_Answers503SayingSo()
    {
        await using var host = FunctionsHost.Create();

        var (status, body) = await HealthAsync(host);

        Assert.Equal(503, status);
        Assert.Equal(["nothing_published"], Codes(body));
        Assert.False(body.GetProperty("sample").GetBoolean());
    }

    [Fact]
    public async Task Health_SourceHistoryDamaged_ReadsAsEmptyAndTheNextIngestReplacesIt()
    {
        await using var host = FunctionsHost.Create();
        await IngestAsync(host);
        var store = host.Services.GetRequiredService<IDatasetStore>();
        await store.WriteAsync(SourceHistory.Path, new MemoryStream("[1,2]"u8.ToArray()), WriteCondition.None);

        var (status, body) = await HealthAsync(host);
        host.Time.Advance(TimeSpan.FromHours(1));
        await IngestAsync(host);
        var (_, repaired) = await HealthAsync(host);

        Assert.Equal(200, status);
        Assert.StartsWith("state/source-history.json is not valid", body.GetProperty("history_problem").GetString(), StringComparison.Ordinal);
        Assert.Empty(body.GetProperty("sources").EnumerateArray());
        Assert.False(repaired.TryGetProperty("history_problem", out _));
        Assert.NotEmpty(repaired.GetProperty("sources").EnumerateArray());
    }
}
