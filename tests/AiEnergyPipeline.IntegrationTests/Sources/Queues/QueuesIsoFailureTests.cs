using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.IntegrationTests.Pipeline.Faults;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Text;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Sources.Queues;

/// <summary>
/// One ISO's queue file failing, each way a server or a file can fail, in live runs of the whole
/// pipeline against a real local HTTP server (every other file served from the bundled snapshot),
/// published to Azurite: the run publishes the other queues, report.json names the file, the ISO
/// and the cause, the ISO's remaining rows say they are incomplete, and queue_changes reports none
/// of its projects as having left or entered.
/// </summary>
public class QueuesIsoFailureTests
{
    private const string Caiso = "queues/caiso/PublicQueueReport.xlsx";
    private const int Attempts = 1 + FaultRun.MaxRetries;
    private const int BodyAttempts = 1 + FaultRun.BodyRetries;
    private static readonly string[] AllFormats = ["caiso", "ercot", "gridstatus", "isone", "lbnl", "miso", "nyiso", "pjm", "spp"];

    /// <summary>Snapshot file, fault, requests it gets, the ISO, its file's name and setting, what failed, and what the error must say.</summary>
    public static TheoryData<string, string, int, string, string, string, string, string> Cases => new()
    {
        { "queues/pjm/pjm_ExportToXls.xlsx", "404", 1, "PJM", "pjm_ExportToXls.xlsx", "Sources:Queues:Files:2", "fetch", "HTTP 404 Not Found: Not found" },
        { Caiso, "500", Attempts, "CAISO", "PublicQueueReport.xlsx", "Sources:Queues:Files:3", "fetch", "HTTP 500" },
        { "queues/nyiso/NYISO-Interconnection-Queue.xlsx", "html", 1, "NYISO", "NYISO-Interconnection-Queue.xlsx", "Sources:Queues:Files:4", "fetch", "HTML page" },
        // A layout the adapter cannot recognise: the message names the file and the column it missed.
        { "queues/ercot/GIS_Report_October2026.xlsx", "lost:INR", 1, "ERCOT", "ercot_mirDownload.xlsx", "Sources:Queues:Files:5", "read", "'INR'" },
        { "queues/isone/isone_external.html", "cut", BodyAttempts, "ISO-NE", "isone_external.html", "Sources:Queues:Files:6", "fetch", "the body was cut off" },
        // ISO-NE's queue is a page: a page without its table is downloaded, then fails naming the columns it lacks.
        { "queues/isone/isone_external.html", "html", 1, "ISO-NE", "isone_external.html", "Sources:Queues:Files:6", "read", "the file has no sheet or table: required columns missing: 'QP', " },
        // Its cookie check answered forever: the redirects allowed, then ISO-NE fails naming its address.
        { "queues/isone/isone_external.html", "loop", 1 + RedirectCookiesHandler.MaxRedirects, "ISO-NE", "isone_external.html", "Sources:Queues:Files:6", "fetch", "irtt.iso-ne.com/reports/external kept redirecting (last to /irtt.iso-ne.com/reports/external?AspxAutoDetectCookieSupport=1): a redirect loop" },
        // SPP's active file still reads: SPP is in the run, but incomplete.
        { "queues/spp/spp_GenerateWithdrawnCSV.csv", "renamed:Generation Interconnection Number", 1, "SPP", "spp_GenerateWithdrawnCSV.csv", "Sources:Queues:Files:8", "read", "Generation Interconnection Number" },
        { "queues/miso/miso_getprojects.json", "empty", 1, "MISO", "miso_getprojects.json", "Sources:Queues:Files:9", "fetch", "empty" },
        // A gridstatus file holds one ISO's queue too; PJM's own file still reads.
        { "queues/gridstatus/pjm.csv", "500", Attempts, "PJM", "pjm.csv", "Sources:Queues:Files:1", "fetch", "HTTP 500" },
        { "queues/gridstatus/pjm.csv", "lost:Queue ID", 1, "PJM", "pjm.csv", "Sources:Queues:Files:1", "read", "'Queue ID'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RunAsync_OneIsoFileFails_ThatIsoIsLeftOutReportedAndMarkedWhileTheOthersPublish(
        string file, string fault, int requests, string iso, string fileName, string setting, string stage, string cause)
    {
        await using var server = await FaultServer.StartAsync();
        var run = new FaultRun(server, Azurite.NewContainer());
        server.Script(file, FaultsOf(fault));

        var outcome = await run.RunAsync();

        Assert.True(outcome.Status == RunStatus.Published, outcome.Message);
        Assert.Equal(requests, server.RequestsFor(file).Count);
        Assert.Equal(outcome.RunId, (await run.ReadJsonAsync(RunPublisher.LatestPath)).GetProperty("run_id").GetString());
        Assert.Contains($"Partial: queues without {iso}", outcome.Message, StringComparison.Ordinal);

        var report = await run.ReadJsonAsync(RunPublisher.ReportPath(outcome.RunId));
        Assert.Equal("published", report.GetProperty("status").GetString());
        var sources = report.GetProperty("sources").EnumerateArray().ToList();
        var queues = Assert.Single(sources, s => s.GetProperty("name").GetString() == "queues");
        Assert.Equal("partial", queues.GetProperty("status").GetString());
        Assert.All(sources.Where(s => s.GetProperty("name").GetString() != "queues"), s => Assert.Equal("succeeded", s.GetProperty("status").GetString()));
        var failed = Assert.Single(queues.GetProperty("failed_files").EnumerateArray());
        Assert.Equal((fileName, setting, iso, stage), (failed.GetProperty("file_name").GetString(), failed.GetProperty("setting").GetString(), failed.GetProperty("missing").GetString(), failed.GetProperty("stage").GetString()));
        var error = failed.GetProperty("error").GetString()!;
        Assert.StartsWith($"queues: {fileName}: ", error, StringComparison.Ordinal);
        Assert.True(error.Contains(cause, StringComparison.Ordinal), error);
        Assert.Contains(queues.GetProperty("notes").EnumerateArray(), n => n.GetString()!.EndsWith($"{iso}'s queue is missing from this run; the other queues are published.", StringComparison.Ordinal));

        var projects = await ReadTableAsync(run, outcome.RunId, Schemas.QueueProjects.Name);
        Assert.DoesNotContain(projects, r => r["source_file"] == fileName);
        Assert.Equal(AllFormats.Where(f => f != FormatGone(file)),
            projects.Select(r => r["source_format"]).Distinct().Order(StringComparer.Ordinal));
        // Every sample queue has rows from another file (LBNL's at least): they stay, marked incomplete.
        Assert.Contains(projects, r => r["region"] == iso);
        Assert.All(projects, r => Assert.Equal(r["region"] == iso ? "false" : "true", r["complete"]));

        var rates = await ReadTableAsync(run, outcome.RunId, Schemas.QueueCompletionRates.Name);
        Assert.All(rates.Where(r => r["region"] == iso), r => Assert.Equal(("false", "", ""), (r["complete"], r["completion_rate"], r["completion_rate_by_count"])));
        Assert.All(rates.Where(r => r["region"] != iso), r => Assert.Equal("true", r["complete"]));
    }

    [Fact]
    public async Task RunAsync_IsoMissingThenBack_QueueChangesReportsNoneOfItsProjectsAndSaysWhy()
    {
        await using var server = await FaultServer.StartAsync();
        var run = new FaultRun(server, Azurite.NewContainer());
        var first = await run.RunAsync();
        server.Script(Caiso, Fault.Status(404, "Not found"));

        // Through the HTTP adapter: a run without one ISO is a published run, answered 200.
        var (status, body) = await run.PostIngestAsync();
        server.Script(Caiso, Fault.Ok);
        // An hour later by its clock, so that this run, whose inputs are the first run's, has an id of its own.
        RunOutcome third;
        await using (var services = TestPipeline.Build(run.Settings(), new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(1))))
        {
            third = await TestPipeline.RunIngestAsync(services);
        }

        Assert.Equal(200, status);
        var second = body.GetProperty("run_id").GetString()!;
        Assert.Contains("Partial: queues without CAISO", body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((RunStatus.Published, RunStatus.Published), (first.Status, third.Status));
        Assert.Equal([first.RunId, second, third.RunId], new[] { first.RunId, second, third.RunId }.Distinct());
        // Nothing changed in any queue: CAISO's projects neither left in the second run nor entered again in the third.
        Assert.Empty(await ReadTableAsync(run, second, Schemas.QueueChanges.Name));
        Assert.Empty(await ReadTableAsync(run, third.RunId, Schemas.QueueChanges.Name));
        Assert.Contains(NotesOf(await run.ReadJsonAsync(RunPublisher.ReportPath(second))), n => n.StartsWith($"queue_changes: not compared with run {first.RunId}: CAISO (", StringComparison.Ordinal));
        Assert.Contains(third.Report.Sources.Single(s => s.Name == "queues").Notes!, n => n.StartsWith($"queue_changes: not compared with run {second}: CAISO (", StringComparison.Ordinal));
        Assert.Equal(SourceStatus.Succeeded, third.Report.Sources.Single(s => s.Name == "queues").Status);
    }

    /// <summary>
    /// The faults of <see cref="SourceFaultTests"/>, "renamed:{column}": a text file whose header
    /// lost that column to a rename wherever the header is (SPP's sits below a "Last Updated On" line,
    /// where <see cref="Fault.LostColumn"/> looks only at the first line), and "loop": a redirect to itself, always.
    /// </summary>
    private static Fault[] FaultsOf(string fault) => fault == "loop" ? [CookieCheckForever]
        : fault.StartsWith("renamed:", StringComparison.Ordinal)
        ? [Fault.Changed(fault, bytes => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(fault["renamed:".Length..] + ",", fault["renamed:".Length..] + " (withdrawn),", StringComparison.Ordinal)))]
        : SourceFaultTests.FaultsOf(fault);

    /// <summary>ASP.NET's cookie check (302, a cookie, the page's own address with the check in its query) answered whether or not the cookie comes back.</summary>
    private static Fault CookieCheckForever { get; } = new("cookie check answered forever", (context, _) =>
    {
        context.Response.StatusCode = 302;
        context.Response.Headers.SetCookie = "AspxAutoDetectCookieSupport=1; path=/";
        context.Response.Headers.Location = context.Request.Path + "?AspxAutoDetectCookieSupport=1";
        return Task.CompletedTask;
    });

    /// <summary>The ISO format whose every row is gone when this file fails: none for SPP's withdrawn file, whose active file still reads.</summary>
    private static string? FormatGone(string file) =>
        file.Contains("GenerateWithdrawn", StringComparison.Ordinal) ? null : file.Split('/')[1];

    private static IEnumerable<string> NotesOf(JsonElement report) =>
        report.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "queues").GetProperty("notes").EnumerateArray().Select(n => n.GetString()!);

    private static async Task<List<Dictionary<string, string>>> ReadTableAsync(FaultRun run, string runId, string table)
    {
        var bytes = await run.ReadAsync(RunPublisher.TablePath(runId, table, "csv")) ?? throw new Xunit.Sdk.XunitException($"{table} of run {runId} is not in the container");
        using var stream = new MemoryStream(bytes);
        using var csv = CsvHelper.CsvReader.Create(stream, CsvHelper.CsvReaderOptions.Default with { Separator = ',', AllowLineBreaksInQuotes = true }, leaveOpen: true);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.Headers.Count).ToDictionary(i => csv.Headers[i], csv.GetString));
        }

        return rows;
    }
}
