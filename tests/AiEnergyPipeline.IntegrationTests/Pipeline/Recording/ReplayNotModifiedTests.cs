using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.Recording;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.Recording;

/// <summary>
/// A store that live runs and replays of a recording both write to: the fetch state of each file
/// then holds validators from one kind of answerer while the other is asked. A live run from a real
/// local server (<see cref="SourcesServer"/>, ETag, Last-Modified and 304), a recording of it, one
/// file of the recording changed, and runs into the same store, each on its own clock: every input
/// of each published run must say where its bytes came from, when, and the changed file's new bytes
/// must be published.
/// </summary>
public sealed class ReplayNotModifiedTests
{
    private static readonly DateTimeOffset LiveAt = TestPipeline.Now;
    private static readonly DateTimeOffset RecordedAt = TestPipeline.Now.AddHours(1);
    private static readonly BalanceHalfYear Changed = new(2024, 1);
    private static readonly BalanceHalfYear Kept = new(2024, 2);

    [Fact]
    public async Task RunAsync_ReplayIntoTheStoreOfALiveRun_EveryInputIsRecordedAtItsRecordingAndTheChangedFileIsPublished()
    {
        var store = TestPaths.NewTempFolder();
        string recording;
        Uri server;
        RunOutcome live;
        await using (var sources = await StartAsync())
        {
            server = sources.BaseAddress;
            live = await LiveAsync(sources, store, LiveAt);
            recording = await RecordAsync(sources, RecordedAt);
        }

        // A newer file in the recording: new bytes, a new ETag and Last-Modified (as the audit changed it).
        var newBytes = BalanceFiles.Of(Changed, hours: 7);
        ChangeRecordedFile(recording, Changed.FileName, newBytes, "Wed, 07 Jan 2026 10:00:00 GMT");

        // The server is gone: only the recording can answer, 304 or whole.
        var replay = await ReplayAsync(recording, store, RecordedAt.AddHours(1));

        Assert.Equal(RunStatus.Published, live.Status);
        Assert.Equal(RunStatus.Published, replay.Status);
        var package = TestPipeline.ReadJson(Path.Combine(store, RunPublisher.DataPackagePath(replay.RunId)));
        Assert.Equal("recorded", package.GetProperty("mode").GetString());
        var inputs = Inputs(package);
        Assert.Equal(Inputs(TestPipeline.ReadJson(Path.Combine(store, RunPublisher.DataPackagePath(live.RunId)))).Count, inputs.Count);
        Assert.All(inputs, i => AssertRecorded(i, server));
        AssertPublished(store, inputs, Changed.FileName, newBytes);
    }

    [Fact]
    public async Task RunAsync_ReplayAgainAfterTheRecordingChangedItsETagOnly_UnchangedFilesStayRecordedAndTheChangedFileIsPublished()
    {
        var store = TestPaths.NewTempFolder();
        string recording;
        Uri server;
        await using (var sources = await StartAsync())
        {
            server = sources.BaseAddress;
            recording = await RecordAsync(sources, RecordedAt);
        }

        var first = await ReplayAsync(recording, store, RecordedAt.AddHours(1));
        // New bytes and ETag, the same Last-Modified: If-None-Match alone decides (RFC 9110 13.1.3).
        var newBytes = BalanceFiles.Of(Changed, hours: 7);
        ChangeRecordedFile(recording, Changed.FileName, newBytes, lastModified: null);
        var logs = new CapturedLogs();
        var second = await ReplayAsync(recording, store, RecordedAt.AddHours(2), logs);

        Assert.Equal(RunStatus.Published, first.Status);
        Assert.Equal(RunStatus.Published, second.Status);
        // The unchanged files were answered 304 by the recording, not read again.
        Assert.Contains(logs.Lines, l => l.Contains($"eia930_bulk: {Kept.FileName}: ", StringComparison.Ordinal) && l.Contains("not modified (304)", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains($"eia930_bulk: {Changed.FileName}: ", StringComparison.Ordinal) && l.Contains("replayed from a recorded snapshot and archived", StringComparison.Ordinal));
        var inputs = Inputs(TestPipeline.ReadJson(Path.Combine(store, RunPublisher.DataPackagePath(second.RunId))));
        Assert.All(inputs, i => AssertRecorded(i, server));
        AssertPublished(store, inputs, Changed.FileName, newBytes);
    }

    [Fact]
    public async Task RunAsync_LiveRunIntoTheStoreOfAReplay_EveryInputIsFetchedNow()
    {
        var store = TestPaths.NewTempFolder();
        var fetchedAt = RecordedAt.AddHours(2);
        await using var sources = await StartAsync();
        var recording = await RecordAsync(sources, RecordedAt);
        var replay = await ReplayAsync(recording, store, RecordedAt.AddHours(1));
        // One file newer at the source, so that the live run has a file of its own to download whole.
        sources.Files["/six/" + Changed.FileName] = BalanceFiles.Of(Changed, hours: 7);
        sources.Clear();

        var live = await LiveAsync(sources, store, fetchedAt);

        Assert.Equal(RunStatus.Published, replay.Status);
        // The server found the kept file unchanged, but the archived copy was recorded: it is asked again, whole.
        Assert.Equal((1, 1), (sources.Count("/six/" + Kept.FileName, 304), sources.Count("/six/" + Kept.FileName, 200)));
        Assert.Equal(RunStatus.Published, live.Status);
        var package = TestPipeline.ReadJson(Path.Combine(store, RunPublisher.DataPackagePath(live.RunId)));
        Assert.Equal("live", package.GetProperty("mode").GetString());
        Assert.All(Inputs(package), i =>
        {
            Assert.Equal("fetched", i.GetProperty("origin").GetString());
            Assert.Equal(fetchedAt, i.GetProperty("fetched_at").GetDateTimeOffset());
            Assert.False(i.TryGetProperty("recorded_at", out _), i.ToString());
        });
    }

    [Fact]
    public async Task RunAsync_ReplayOfTheSameBytesAfterALiveRun_NeitherConfirmsTheLiveDataNorCountsAsASourceSuccess()
    {
        var store = TestPaths.NewTempFolder();
        string recording;
        RunOutcome live;
        await using (var sources = await StartAsync())
        {
            live = await LiveAsync(sources, store, LiveAt);
            recording = await RecordAsync(sources, RecordedAt);
        }

        // A day later, offline: the recording holds the live run's bytes, so nothing new is published.
        var replay = await ReplayAsync(recording, store, LiveAt.AddHours(30));
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(store), new FakeTimeProvider(LiveAt.AddHours(40)));
        var (history, _, _) = await SourceHistory.ReadAsync(services.GetRequiredService<IDatasetStore>(), CancellationToken.None);
        var health = await services.GetRequiredService<DataHealth>().CheckAsync(CancellationToken.None);

        Assert.Equal((RunStatus.Unchanged, live.RunId), (replay.Status, replay.LatestRunId));
        Assert.Equal("recorded", replay.Report.Mode);
        Assert.Equal((replay.RunId, RunStatus.Unchanged), (history.LastIngestRunId, history.LastIngestStatus));
        Assert.Equal(live.Report.FinishedAt, history.ConfirmedAt);
        Assert.All(history.Sources, s => Assert.Equal(live.Report.FinishedAt, s.LastSuccessAt));
        // The data is as old as the live run: 40 hours, stale, whatever a replay found since.
        Assert.Equal(live.Report.FinishedAt, health.FreshAsOf);
        Assert.Contains(health.Reasons, r => r.Code == HealthReason.StaleData);
    }

    [Fact]
    public async Task RunAsync_LiveRunOfTheSameBytesAfterAReplay_PublishesANewRunWhoseRowsSayFetched()
    {
        var store = TestPaths.NewTempFolder();
        await using var sources = await StartAsync();
        var recording = await RecordAsync(sources, RecordedAt);
        var replay = await ReplayAsync(recording, store, RecordedAt.AddHours(1));

        // Nothing changed at the source: the bytes are the replay's, but fetched now.
        var live = await LiveAsync(sources, store, RecordedAt.AddHours(2));

        Assert.Equal(RunStatus.Published, replay.Status);
        Assert.Equal(RunStatus.Published, live.Status);
        Assert.NotEqual(replay.RunId, live.RunId);
        var replayed = TestPipeline.ReadJson(Path.Combine(store, RunPublisher.DataPackagePath(replay.RunId)));
        var fetched = TestPipeline.ReadJson(Path.Combine(store, RunPublisher.DataPackagePath(live.RunId)));
        Assert.Equal(Inputs(replayed).Select(i => i.GetProperty("sha256").GetString()), Inputs(fetched).Select(i => i.GetProperty("sha256").GetString()));
        Assert.Equal(["recorded"], OriginsOf(store, replay.RunId));
        Assert.Equal(["fetched"], OriginsOf(store, live.RunId));
    }

    /// <summary>The distinct values of the origin column over every row of the run's ba_hourly parts.</summary>
    private static List<string> OriginsOf(string store, string runId) =>
        [.. Directory.GetFiles(Path.Combine(store, "runs", runId, "data", "ba_hourly"), "*.csv")
            .SelectMany(f => File.ReadLines(f).Skip(1))
            .Select(l => l[(l.LastIndexOf(',') + 1)..])
            .Distinct()];

    private static async Task<SourcesServer> StartAsync()
    {
        var files = BalanceFiles.History(2024, 2);
        var server = await SourcesServer.StartAsync(files);
        server.Files[SourcesServer.ListPath] = BalanceFiles.List(files.Keys);
        return server;
    }

    private static async Task<RunOutcome> LiveAsync(SourcesServer server, string store, DateTimeOffset at)
    {
        await using var services = TestPipeline.Build(server.Settings(store, TestPaths.NewTempFolder()), new FakeTimeProvider(at));
        return await TestPipeline.RunIngestAsync(services);
    }

    private static async Task<string> RecordAsync(SourcesServer server, DateTimeOffset at)
    {
        var recording = Path.Combine(TestPaths.NewTempFolder(), "recorded");
        await using var services = TestPipeline.Build(server.Settings(TestPaths.NewTempFolder(), TestPaths.NewTempFolder()), new FakeTimeProvider(at));
        await services.GetRequiredService<SnapshotRecorder>().RecordAsync(recording, CancellationToken.None);
        return recording;
    }

    private static async Task<RunOutcome> ReplayAsync(string recording, string store, DateTimeOffset at, CapturedLogs? logs = null)
    {
        var settings = new Dictionary<string, string?>(TestPipeline.FolderStore(store)) { ["Pipeline:SnapshotPath"] = recording };
        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(at), logs);
        return await TestPipeline.RunIngestAsync(services);
    }

    /// <summary>Gives a recorded file new bytes and their ETag, and a new Last-Modified unless null, as a newer recording would.</summary>
    private static void ChangeRecordedFile(string recording, string fileName, byte[] bytes, string? lastModified)
    {
        var indexPath = Path.Combine(recording, AiEnergyPipeline.Fetch.Snapshot.IndexFileName);
        var index = JsonNode.Parse(File.ReadAllText(indexPath))!;
        var route = index["routes"]!.AsArray().Single(r => r!["url"]!.GetValue<string>().EndsWith("/" + fileName, StringComparison.Ordinal))!;
        File.WriteAllBytes(Path.Combine(recording, route["file"]!.GetValue<string>()), bytes);
        Assert.NotEqual(route["etag"]!.GetValue<string>(), SourcesServer.ETagOf(bytes));
        route["etag"] = SourcesServer.ETagOf(bytes);
        if (lastModified is not null)
        {
            route["last_modified"] = lastModified;
        }

        File.WriteAllText(indexPath, index.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Every input of a data package but the curated files (the project's own, never fetched).</summary>
    private static List<JsonElement> Inputs(JsonElement package) =>
        [.. package.GetProperty("sources").EnumerateArray().Where(s => s.GetProperty("name").GetString() != CuratedSource.SourceName)];

    private static void AssertRecorded(JsonElement input, Uri server)
    {
        Assert.Equal("recorded", input.GetProperty("origin").GetString());
        Assert.Equal(RecordedAt, input.GetProperty("recorded_at").GetDateTimeOffset());
        Assert.False(input.TryGetProperty("fetched_at", out _), input.ToString());
        Assert.StartsWith(server.ToString(), input.GetProperty("path").GetString(), StringComparison.Ordinal);
    }

    private static void AssertPublished(string store, List<JsonElement> inputs, string fileName, byte[] bytes)
    {
        var input = inputs.Single(i => i.GetProperty("file_name").GetString() == fileName);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha256, input.GetProperty("sha256").GetString());
        Assert.Equal(SourcesServer.ETagOf(bytes), input.GetProperty("etag").GetString());
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(store, $"raw/{Eia930BulkSource.SourceName}/{sha256}.csv")));
    }
}
