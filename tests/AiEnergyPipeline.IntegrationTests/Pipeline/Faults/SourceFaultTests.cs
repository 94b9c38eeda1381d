using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;
using System.Globalization;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.Faults;

/// <summary>
/// Every source against every way its server can fail, in live runs of the whole pipeline over a
/// real local HTTP server, publishing to Azurite: the right number of requests, a failure that
/// names the source and the cause (report.json and POST /api/ingest's 502), and latest.json left
/// byte for byte on the good run published before.
/// </summary>
public class SourceFaultTests
{
    public const string Bulk = TestPaths.BulkSnapshotFile;
    public const string ApiPage = "eia930/api/region-data.offset-250.json";
    public const string Generators = "eia860m/august_generator2026.xlsx";
    public const string Lbnl = "queues/lbnl/LBNL_Ix_Queue_Data_File_thru2025.xlsx";
    public const string Pjm = "queues/gridstatus/pjm.csv";
    public const string Ember = "ember/yearly_full_release_long_format.csv";

    private static readonly Dictionary<string, string> SourceOf = new()
    {
        [Bulk] = "eia930_bulk",
        [ApiPage] = "eia930_api",
        [Generators] = "eia860m",
        [Lbnl] = "queues",
        [Pjm] = "queues",
        [Ember] = "ember",
    };

    /// <summary>A fault by name, so that theory cases read as a table.</summary>
    public static Fault[] FaultsOf(string fault) => fault switch
    {
        "500" => [Fault.Status(500)],
        "503" => [Fault.Status(503)],
        "404" => [Fault.Status(404, "Not found")],
        "403" => [Fault.Status(403, "Forbidden")],
        "429" => [Fault.TooManyRequests(1)],
        "html" => [Fault.Html],
        "empty" => [Fault.Empty],
        "cut" => [Fault.CutBody(300)],
        "stall" => [Fault.StallBody(300)],
        "500-then-ok" => [Fault.Status(500), Fault.Ok],
        "429-then-ok" => [Fault.TooManyRequests(1), Fault.Ok],
        "408-then-ok" => [Fault.Status(408), Fault.Ok],
        "503-503-then-ok" => [Fault.Status(503), Fault.Status(503), Fault.Ok],
        "cut-then-ok" => [Fault.CutBody(300), Fault.Ok],
        "stall-then-ok" => [Fault.StallBody(300), Fault.Ok],
        _ when fault.StartsWith("lost:", StringComparison.Ordinal) => [Fault.LostColumn(fault["lost:".Length..])],
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
    };

    private const int Attempts = 1 + FaultRun.MaxRetries;
    private const int BodyAttempts = 1 + FaultRun.BodyRetries;

    /// <summary>File, fault, requests the file gets, and what the error must say.</summary>
    public static TheoryData<string, string, int, string> FailingCases => new()
    {
        { Bulk, "500", Attempts, "HTTP 500" },
        { Bulk, "503", Attempts, "HTTP 503" },
        { Bulk, "404", 1, "HTTP 404 Not Found: Not found" },
        { Bulk, "403", 1, "HTTP 403 Forbidden" },
        { Bulk, "429", Attempts, "HTTP 429" },
        { Bulk, "html", 1, "HTML page" },
        { Bulk, "empty", 1, "the file is empty" },
        { Bulk, "cut", BodyAttempts, "the body was cut off" },
        { Bulk, "stall", BodyAttempts, "the body stalled" },
        { Bulk, "lost:Demand (MW)", 1, "Demand (MW)" },
        { ApiPage, "500", Attempts, "HTTP 500" },
        { ApiPage, "403", 1, "HTTP 403" },
        { ApiPage, "429", Attempts, "HTTP 429" },
        { ApiPage, "html", 1, "HTML page" },
        { ApiPage, "empty", 1, "the file is empty" },
        { ApiPage, "cut", BodyAttempts, "the body was cut off" },
        { ApiPage, "stall", BodyAttempts, "the body stalled" },
        { Generators, "500", Attempts, "HTTP 500" },
        // A month that is not a workbook is tried at its archive address too, which the sample also answers.
        { Generators, "html", 2, "HTML page" },
        { Generators, "empty", 2, "empty" },
        { Generators, "cut", BodyAttempts, "the body was cut off" },
        { Generators, "stall", BodyAttempts, "the body stalled" },
        { Generators, "lost:Plant ID", 1, "Plant ID" },
        { Lbnl, "500", Attempts, "HTTP 500" },
        { Lbnl, "404", 1, "HTTP 404" },
        { Lbnl, "html", 1, "HTML page" },
        { Lbnl, "cut", BodyAttempts, "the body was cut off" },
        { Lbnl, "lost:q_id", 1, "q_id" },
        // A gridstatus file holds one ISO's queue: its failure leaves that ISO out and the run publishes (QueuesIsoFailureTests).
        { Ember, "500", Attempts, "HTTP 500" },
        { Ember, "404", 1, "HTTP 404" },
        { Ember, "html", 1, "HTML page" },
        { Ember, "empty", 1, "empty" },
        { Ember, "cut", BodyAttempts, "the body was cut off" },
        { Ember, "stall", BodyAttempts, "the body stalled" },
        { Ember, "lost:Variable", 1, "Variable" },
    };

    [Theory]
    [MemberData(nameof(FailingCases))]
    public async Task PostIngest_SourceFails_BoundedRequestsReportNamingSourceAndCauseLatestUntouched(string file, string fault, int requests, string cause)
    {
        var source = SourceOf[file];
        await using var server = await FaultServer.StartAsync();
        var run = new FaultRun(server, Azurite.NewContainer());
        var good = await run.RunAsync();
        Assert.Equal(RunStatus.Published, good.Status);
        var latestBefore = await run.ReadAsync(RunPublisher.LatestPath);
        var before = server.RequestsFor(file).Count;
        server.Script(file, FaultsOf(fault));

        var (status, body) = await run.PostIngestAsync();

        Assert.Equal(502, status);
        var detail = body.GetProperty("detail").GetString()!;
        Assert.Contains($"{source}: ", detail, StringComparison.Ordinal);
        Assert.True(detail.Contains(cause, StringComparison.Ordinal), detail);
        Assert.True(requests == server.RequestsFor(file).Count - before, $"{server.RequestsFor(file).Count - before} requests: {detail}");
        var runId = FaultRun.RunIdIn(detail);
        var report = await run.ReadJsonAsync(RunPublisher.ReportPath(runId));
        Assert.Equal("failed", report.GetProperty("status").GetString());
        var failed = Assert.Single(report.GetProperty("sources").EnumerateArray(), s => s.GetProperty("status").GetString() == "failed");
        Assert.Equal(source, failed.GetProperty("name").GetString());
        Assert.Contains(cause, failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(latestBefore, await run.ReadAsync(RunPublisher.LatestPath));
        Assert.Null(await run.ReadAsync(RunPublisher.DataPackagePath(runId)));
    }

    [Theory]
    [InlineData(Bulk, "500-then-ok", 2)]
    [InlineData(ApiPage, "500-then-ok", 2)]
    [InlineData(Generators, "503-503-then-ok", 3)]
    [InlineData(Lbnl, "500-then-ok", 2)]
    [InlineData(Pjm, "408-then-ok", 2)]
    [InlineData(Ember, "500-then-ok", 2)]
    [InlineData(Bulk, "cut-then-ok", 2)]
    [InlineData(ApiPage, "cut-then-ok", 2)]
    [InlineData(Generators, "stall-then-ok", 2)]
    [InlineData(Ember, "stall-then-ok", 2)]
    public async Task RunAsync_TransientFaultThenSuccess_RetriesAndPublishes(string file, string fault, int requests)
    {
        await using var server = await FaultServer.StartAsync();
        var run = new FaultRun(server, Azurite.NewContainer());
        server.Script(file, FaultsOf(fault));

        var outcome = await run.RunAsync();

        Assert.True(outcome.Status == RunStatus.Published, outcome.Message);
        Assert.Equal(requests, server.RequestsFor(file).Count);
        Assert.Equal(outcome.RunId, (await run.ReadJsonAsync(RunPublisher.LatestPath)).GetProperty("run_id").GetString());
        var source = outcome.Report.Sources.Single(s => s.Name == SourceOf[file]);
        Assert.Equal(SourceStatus.Succeeded, source.Status);
    }

    [Theory]
    [InlineData(Bulk)]
    [InlineData(ApiPage)]
    public async Task RunAsync_TooManyRequestsWithRetryAfter_WaitsAtLeastRetryAfterThenPublishes(string file)
    {
        await using var server = await FaultServer.StartAsync();
        var run = new FaultRun(server, Azurite.NewContainer());
        server.Script(file, FaultsOf("429-then-ok"));

        var outcome = await run.RunAsync();

        Assert.True(outcome.Status == RunStatus.Published, outcome.Message);
        var requests = server.RequestsFor(file);
        Assert.Equal(2, requests.Count);
        // The retry delay is 20 ms; only Retry-After: 1 explains a wait of a second.
        Assert.True(FaultRun.SecondsBetween(requests[0], requests[1]) >= 0.95, $"{FaultRun.SecondsBetween(requests[0], requests[1])} s between the 429 and the retry");
    }

    [Fact]
    public async Task RunAsync_TooManyRequestsEveryTime_EveryRetryWaitsRetryAfterThenFails()
    {
        await using var server = await FaultServer.StartAsync();
        var run = new FaultRun(server, Azurite.NewContainer());
        server.Script(Ember, Fault.TooManyRequests(1));

        var outcome = await run.RunAsync();

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.Contains("ember: ", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 429", outcome.Message, StringComparison.Ordinal);
        var requests = server.RequestsFor(Ember);
        Assert.Equal(Attempts, requests.Count);
        Assert.All(requests.Zip(requests.Skip(1)), pair => Assert.True(FaultRun.SecondsBetween(pair.First, pair.Second) >= 0.95));
        Assert.Null(await run.ReadAsync(RunPublisher.LatestPath));
    }

    [Fact]
    public async Task PostIngest_ServerNeverSendsHeaders_EachAttemptTimesOutThenTheSourceFailsNamingTheTimeOut()
    {
        await using var server = await FaultServer.StartAsync();
        var run = new FaultRun(server, Azurite.NewContainer());
        var fast = new Dictionary<string, string?> { ["Sources:Http:AttemptTimeout"] = "00:00:00.500" };
        var good = await run.RunAsync(fast);
        var latestBefore = await run.ReadAsync(RunPublisher.LatestPath);
        server.Script(Bulk, Fault.StallHeaders);

        var (status, body) = await run.PostIngestAsync(fast);

        Assert.Equal(502, status);
        var detail = body.GetProperty("detail").GetString()!;
        Assert.True(detail.Contains("eia930_bulk: EIA930_BALANCE_2025_Jul_Dec.csv: download failed: The operation didn't complete within the allowed timeout of '00:00:00.5000000'", StringComparison.Ordinal), detail);
        Assert.Equal(1 + Attempts, server.RequestsFor(Bulk).Count);
        Assert.NotEqual(good.RunId, FaultRun.RunIdIn(detail));
        Assert.Equal(latestBefore, await run.ReadAsync(RunPublisher.LatestPath));
    }

    [Fact]
    public async Task RunAsync_BalanceFileTenTimesLarger_PublishesTenTimesTheRows()
    {
        await using var server = await FaultServer.StartAsync();
        var run = new FaultRun(server, Azurite.NewContainer());
        var good = await run.RunAsync();
        var goodBulk = good.Report.Sources.Single(s => s.Name == "eia930_bulk");
        var goodPart = good.Report.Partitions!.Single(p => p.FileName == "EIA930_BALANCE_2025_Jul_Dec.csv");
        // Each copy in another year, so that its rows are new hours rather than duplicates.
        server.Script(Bulk, Fault.Large(10, (copy, line) => line.Replace("2025", (2025 + copy).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        var large = await run.RunAsync();

        Assert.True(large.Status == RunStatus.Published, large.Message);
        // Only the scripted half-year is ten times larger: its partition has ten times the rows, the source the difference.
        var part = large.Report.Partitions!.Single(p => p.FileName == "EIA930_BALANCE_2025_Jul_Dec.csv");
        Assert.Equal((PartitionStatus.Normalised, goodPart.RowsIn * 10, goodPart.RowsOut * 10), (part.Status, part.RowsIn, part.RowsOut));
        var bulk = large.Report.Sources.Single(s => s.Name == "eia930_bulk");
        Assert.Equal((goodBulk.RowsIn + (goodPart.RowsIn * 9), goodBulk.RowsOut + (goodPart.RowsOut * 9)), (bulk.RowsIn, bulk.RowsOut));
        Assert.Equal(large.RunId, (await run.ReadJsonAsync(RunPublisher.LatestPath)).GetProperty("run_id").GetString());
    }
}
