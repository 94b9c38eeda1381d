using AiEnergyPipeline.Cli;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.IntegrationTests.Sources.Eia930;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Pipeline.Recording;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.Recording;

/// <summary>
/// Record the live sources (a real Kestrel server on loopback serving every source), stop the
/// server, replay the recording offline: the replay publishes the same tables, byte for byte, as
/// the live run did, and says its inputs are recorded.
/// </summary>
public sealed class SnapshotRecordReplayTests
{
    private const string Secret = "live-secret-4f9a2c";

    [Fact]
    public async Task RecordAsync_ThenRunFromIt_PublishesByteIdenticalTablesWithOriginRecorded()
    {
        var liveStore = TestPaths.NewTempFolder();
        var replayStore = TestPaths.NewTempFolder();
        var recording = Path.Combine(TestPaths.NewTempFolder(), "recorded");
        RunOutcome live;
        SnapshotRecording recorded;
        int requestsWhileRecording;
        await using (var server = await FaultServer.StartAsync())
        {
            var settings = server.LiveSettings();
            // A key as an operator sets it: it must reach no file of the recording.
            settings.Remove("Sources:Eia930Api:ApiKey");
            settings["EIA_API_KEY"] = Secret;
            // PJM asked as its page asks it, with the key: the recording keeps neither (a replay is answered by URL, by GET).
            settings["Sources:Queues:Files:2:Method"] = "POST";
            settings["Sources:Queues:PjmSubscriptionKey"] = Secret + "-pjm";
            await using (var services = TestPipeline.Build(With(settings, TestPipeline.FolderStore(liveStore))))
            {
                live = await new InProcessFanOut(services).RunAsync("test", CancellationToken.None);
            }

            var before = server.Requests.Count;
            await using (var services = TestPipeline.Build(With(settings, TestPipeline.FolderStore(TestPaths.NewTempFolder()))))
            {
                recorded = await services.GetRequiredService<SnapshotRecorder>().RecordAsync(recording, CancellationToken.None);
            }

            requestsWhileRecording = server.Requests.Count - before;
        }

        Assert.Equal(RunStatus.Published, live.Status);
        Assert.True(recorded.Files >= 10, $"{recorded.Files} files recorded");
        Assert.Equal(recorded.Files, requestsWhileRecording);
        Assert.DoesNotContain(Directory.EnumerateFiles(recording, "*", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains(Secret, StringComparison.Ordinal));
        Assert.Equal("GET", Snapshot.Load(recording).Settings["Sources:Queues:Files:2:Method"]);

        // The server is gone: the replay can only read the recording.
        await using (var services = TestPipeline.Build(new Dictionary<string, string?>(TestPipeline.FolderStore(replayStore)) { ["Pipeline:SnapshotPath"] = recording }))
        {
            var replay = await new InProcessFanOut(services).RunAsync("test", CancellationToken.None);
            Assert.Equal(RunStatus.Published, replay.Status);
            AssertSameTables(liveStore, live.RunId, replayStore, replay.RunId);

            var package = TestPipeline.ReadJson(Path.Combine(replayStore, RunPublisher.DataPackagePath(replay.RunId)));
            Assert.Equal("recorded", package.GetProperty("mode").GetString());
            Assert.All(package.GetProperty("resources").EnumerateArray(), r => Assert.Equal(
                r.GetProperty("name").GetString()!.StartsWith("demand_scenarios", StringComparison.Ordinal) ? OriginColumn.Curated : OriginColumn.Recorded,
                r.GetProperty("origin").GetString()));
            foreach (var source in package.GetProperty("sources").EnumerateArray().Where(s => s.GetProperty("name").GetString() != CuratedSource.SourceName))
            {
                Assert.Equal("recorded", source.GetProperty("origin").GetString());
                Assert.StartsWith(ServerUrlPrefix(live, liveStore), source.GetProperty("path").GetString(), StringComparison.Ordinal);
                Assert.True(source.TryGetProperty("recorded_at", out _), source.ToString());
                Assert.False(source.TryGetProperty("fetched_at", out _), source.ToString());
                Assert.False(source.TryGetProperty("sample_of", out _), source.ToString());
            }

            AssertPublishersCredited(package);

            var report = TestPipeline.ReadJson(Path.Combine(replayStore, RunPublisher.ReportPath(replay.RunId)));
            Assert.Equal("recorded", report.GetProperty("mode").GetString());
            Assert.False(report.GetProperty("sample").GetBoolean());
            var headline = File.ReadAllText(Path.Combine(replayStore, $"runs/{replay.RunId}/gap/headline.json"));
            Assert.DoesNotContain(RunMode.SampleWarning, headline, StringComparison.Ordinal);
        }

        var livePackage = TestPipeline.ReadJson(Path.Combine(liveStore, RunPublisher.DataPackagePath(live.RunId)));
        Assert.Equal("live", livePackage.GetProperty("mode").GetString());
        Assert.All(livePackage.GetProperty("sources").EnumerateArray().Where(s => s.GetProperty("name").GetString() != CuratedSource.SourceName),
            s => Assert.Equal("fetched", s.GetProperty("origin").GetString()));
        AssertPublishersCredited(livePackage);
    }

    /// <summary>A run of real files (fetched or recorded) credits the publishers with their licences, and no sample.</summary>
    private static void AssertPublishersCredited(System.Text.Json.JsonElement package)
    {
        var attributions = package.GetProperty("licenses").EnumerateArray().Select(l => l.GetProperty("attribution").GetString()).ToList();
        Assert.Contains(Licences.EiaPublicDomain.Attribution, attributions);
        Assert.Contains(Licences.EmberCcBy4.Attribution, attributions);
        Assert.Contains(Licences.InterconnectionQueues.Attribution, attributions);
        Assert.DoesNotContain(package.GetProperty("licenses").EnumerateArray(), l => l.GetProperty("name").GetString() == Licences.SampleName);
        var capacity = Assert.Single(package.GetProperty("resources").EnumerateArray(), r => r.GetProperty("name").GetString() == "country_capacity");
        Assert.EndsWith("Licence CC-BY-4.0: Ember (2025), Yearly Electricity Data.", capacity.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_SourceFails_WritesNothing()
    {
        var recording = Path.Combine(TestPaths.NewTempFolder(), "recorded");
        await using var server = await FaultServer.StartAsync();
        server.Script("ember/yearly_full_release_long_format.csv", Fault.Status(404));
        await using var services = TestPipeline.Build(With(server.LiveSettings(), TestPipeline.FolderStore(TestPaths.NewTempFolder())));

        var error = await Assert.ThrowsAsync<SourceException>(() => services.GetRequiredService<SnapshotRecorder>().RecordAsync(recording, CancellationToken.None));

        Assert.Contains("ember", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(recording));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(recording)!));
    }

    [Fact]
    public async Task RecordAsync_FolderNotEmpty_RefusesBeforeFetching()
    {
        var recording = TestPaths.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(recording, "keep.txt"), "mine");
        await using var server = await FaultServer.StartAsync();
        await using var services = TestPipeline.Build(With(server.LiveSettings(), TestPipeline.FolderStore(TestPaths.NewTempFolder())));

        var error = await Assert.ThrowsAsync<IOException>(() => services.GetRequiredService<SnapshotRecorder>().RecordAsync(recording, CancellationToken.None));

        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(recording, "keep.txt")));
    }

    private static string ServerUrlPrefix(RunOutcome live, string liveStore)
    {
        // The live run fetched from the local server: its sources' paths are that server's URLs.
        var package = TestPipeline.ReadJson(Path.Combine(liveStore, RunPublisher.DataPackagePath(live.RunId)));
        var url = new Uri(package.GetProperty("sources").EnumerateArray().First(s => s.GetProperty("name").GetString() == "ember").GetProperty("path").GetString()!);
        return url.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>
    /// Every data table and gap table of a live run and its replay: each CSV line for line, the same
    /// but for the origin each row ends with (fetched in the live run, recorded in the replay;
    /// curated rows in both), and a Parquet beside each.
    /// </summary>
    private static void AssertSameTables(string storeA, string runA, string storeB, string runB)
    {
        var resources = Resources(storeA, runA);
        Assert.Equal(resources.Keys.Order(StringComparer.Ordinal), Resources(storeB, runB).Keys.Order(StringComparer.Ordinal));
        var compared = 0;
        var origins = new HashSet<(string, string)>();
        foreach (var (path, _) in resources.Where(r => r.Key.EndsWith(".csv", StringComparison.Ordinal)))
        {
            var a = File.ReadAllLines(Path.Combine(storeA, RunPublisher.RunFolder(runA), path));
            var b = File.ReadAllLines(Path.Combine(storeB, RunPublisher.RunFolder(runB), path));
            Assert.True(a.Length == b.Length && a[0] == b[0] && a[0].EndsWith($",{OriginColumn.Name}", StringComparison.Ordinal), $"{path}: header or rows differ between the live run and its replay");
            for (var i = 1; i < a.Length; i++)
            {
                var (restA, originA) = (a[i][..a[i].LastIndexOf(',')], a[i][(a[i].LastIndexOf(',') + 1)..]);
                var (restB, originB) = (b[i][..b[i].LastIndexOf(',')], b[i][(b[i].LastIndexOf(',') + 1)..]);
                Assert.True(restA == restB, $"{path} line {i + 1} differs between the live run and its replay");
                origins.Add((originA, originB));
            }

            Assert.True(resources.ContainsKey(Path.ChangeExtension(path, ".parquet")), $"{path} has no Parquet beside it");
            compared++;
        }

        Assert.True(compared >= 10, $"{compared} tables compared");
        Assert.Equal([(OriginColumn.Curated, OriginColumn.Curated), (OriginColumn.Fetched, OriginColumn.Recorded)], origins.Order());
    }

    private static Dictionary<string, string> Resources(string store, string runId) =>
        TestPipeline.ReadJson(Path.Combine(store, RunPublisher.DataPackagePath(runId))).GetProperty("resources").EnumerateArray()
            .ToDictionary(r => r.GetProperty("path").GetString()!, r => r.GetProperty("sha256").GetString()!);

    private static Dictionary<string, string?> With(IDictionary<string, string?> a, IDictionary<string, string?> b)
    {
        var all = new Dictionary<string, string?>(a, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in b)
        {
            all[key] = value;
        }

        return all;
    }
}
