using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.IntegrationTests.Sources.Eia930;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Storage;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Cli;

/// <summary>The `aienergy` command line, run as its own process.</summary>
public class CliTests
{
    private static string LatestRunId(string store) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(store, "latest.json"))).RootElement.GetProperty("run_id").GetString()!;

    [Fact]
    public async Task Run_NoOptionsInAFreshFolder_PublishesTheSnapshotToDotPublishedAndSaysWhere()
    {
        var folder = TestPaths.NewTempFolder();

        var result = await CliProcess.RunAsync(folder, null, "run");

        Assert.Equal(0, result.ExitCode);
        var store = Path.Combine(folder, "published");
        var runId = LatestRunId(store);
        Assert.Contains($"run: {runId}", result.Stdout, StringComparison.Ordinal);
        // Two BALANCE half-years (1,440 and 3,360 rows) and the API rows they do not cover (464), in three parts.
        Assert.Matches(@"ba_hourly\s+5,264 rows in 3 parts", result.Stdout);
        // The two BALANCE half-years and the six EIA-860M sample vintages.
        Assert.Contains("partitions: 8 normalised", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"ba_annual\s+10 rows", result.Stdout);
        Assert.Contains($"store: {store}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("eia930_api: page 3: 600 of 600 rows", result.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(store, "runs", runId, "datapackage.json")));
        // The page as a browser opens it from the folder.
        var page = new Uri(Path.Combine(store, "runs", runId, "index.html"));
        Assert.Contains($"page: {page.AbsoluteUri}\n", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(page.LocalPath));
        // After the summary, one line says the numbers are invented and how to get real ones.
        var last = result.Stdout.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("warning: SAMPLE DATA, NOT REAL:", last, StringComparison.Ordinal);
        Assert.Contains("aienergy run --live", last, StringComparison.Ordinal);
        Assert.Contains("aienergy snapshot record", last, StringComparison.Ordinal);
    }

    /// <summary>The scenarios of the latest run's gap/headline.json: id and sentence, in file order.</summary>
    private static List<(string Id, string Headline)> Headlines(string store) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(store, "runs", LatestRunId(store), "gap", "headline.json"))).RootElement
            .GetProperty("scenarios").EnumerateArray()
            .Select(s => (s.GetProperty("scenario_id").GetString()!, s.GetProperty("headline").GetString()!))
            .ToList();

    private static List<string> Lines(string stdout) => [.. stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r'))];

    [Fact]
    public async Task Run_SampleSnapshot_PrintsEachScenariosHeadlineAfterTheTablesAndTheWarningLast()
    {
        var store = TestPaths.NewTempFolder();

        var result = await CliProcess.RunAsync(store, null, "run", "--store", store);

        Assert.Equal(0, result.ExitCode);
        var lines = Lines(result.Stdout);
        var headlines = Headlines(store);
        Assert.Contains(headlines, h => h.Id == "anthropic_build_ai_2028");
        // The table list, then the title, then one line per scenario of gap/headline.json, in its order.
        var title = lines.IndexOf("gap headline per scenario (gap/headline.json):");
        Assert.True(title > lines.FindIndex(l => l.StartsWith("  gap_by_year ", StringComparison.Ordinal)), "the headlines come after the table list");
        Assert.Equal(headlines.Select(h => $"  {h.Id}: {h.Headline}"), lines.Skip(title + 1).Take(headlines.Count));
        // A sample run's sentences say so first.
        Assert.All(lines.Skip(title + 1).Take(headlines.Count), l => Assert.Matches(@"^  [a-z][a-z0-9_]*: SAMPLE DATA, NOT REAL: Under ", l));
        Assert.StartsWith("warning: SAMPLE DATA, NOT REAL:", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TwiceOnTheSameStore_SecondSaysUnchangedAndExitsZero()
    {
        var store = TestPaths.NewTempFolder();
        await CliProcess.RunAsync(store, null, "run", "--store", store);

        var second = await CliProcess.RunAsync(store, null, "run", "--store", store);

        Assert.Equal(0, second.ExitCode);
        Assert.StartsWith($"Unchanged: the inputs are those of run {LatestRunId(store)}, and so is the model ({IngestPipeline.ModelVersion});", second.Stdout, StringComparison.Ordinal);
        // The latest run's headline is still the news.
        Assert.All(Headlines(store), h => Assert.Contains($"  {h.Id}: {h.Headline}", Lines(second.Stdout)));
        Assert.StartsWith("warning: SAMPLE DATA, NOT REAL:", Lines(second.Stdout)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConnectionToAzurite_PublishesToTheContainer()
    {
        var container = Azurite.NewContainer();

        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), null, "run", "--connection", Azurite.ConnectionString, "--container", container.Name);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"store: {container.Uri}", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", result.Stdout + result.Stderr, StringComparison.Ordinal);
        var store = new BlobDatasetStore(container);
        Assert.NotNull(await store.GetInfoAsync("latest.json"));
    }

    [Fact]
    public async Task Run_SourceFileMissing_ExitsOneWithAOneLineCauseAndNoPublish()
    {
        var store = TestPaths.NewTempFolder();
        var snapshot = TestPaths.CopyOfSnapshot();
        File.Delete(Path.Combine(snapshot, TestPaths.BulkSnapshotFile));

        var result = await CliProcess.RunAsync(store, new Dictionary<string, string?> { ["Pipeline__SnapshotPath"] = snapshot }, "run", "--store", store);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("error: Run ", StringComparison.Ordinal));
        Assert.Contains("eia930_bulk: EIA930_BALANCE_2025_Jul_Dec.csv: HTTP 404 Not Found: The snapshot file eia930/bulk/EIA930_BALANCE_2025_Jul_Dec.csv is missing", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(store, "latest.json")));
    }

    [Theory]
    [InlineData("--store", "x", "--connection", "y")]
    [InlineData("--container", "c")]
    public async Task Run_ContradictoryStoreOptions_FailsWithUsage(params string[] options)
    {
        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), null, ["run", .. options]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--connection", line, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData("error: Unrecognized command or argument '--bogus'. (see aienergy run --help)", "run", "--bogus")]
    [InlineData("error: Required argument missing for command: 'download'. (see aienergy download --help)", "download")]
    [InlineData("error: Option '--out' is required. (see aienergy snapshot record --help)", "snapshot", "record")]
    [InlineData("error: Required command was not provided. (see aienergy --help)")]
    [InlineData("error: Unrecognized command or argument 'donwload'. (see aienergy --help)", "donwload", "generators")]
    [InlineData("error: Unrecognized command or argument 'recrod'. (see aienergy snapshot --help)", "snapshot", "recrod")]
    public async Task Invoke_CommandLineTheParserRejects_OneLineAndExit2(string expected, params string[] args)
    {
        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Stderr.Trim());
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Run_MalformedConnectionString_ExitsTwoWithOneLine()
    {
        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), null, "run", "--connection", "not a connection string");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DatasetsAndDownload_AfterARun_ListTablesAndWriteTheCsv()
    {
        var store = TestPaths.NewTempFolder();
        await CliProcess.RunAsync(store, null, "run", "--store", store);
        var output = Path.Combine(TestPaths.NewTempFolder(), "annual.csv");

        var datasets = await CliProcess.RunAsync(store, null, "datasets", "--store", store);
        var download = await CliProcess.RunAsync(store, null, "download", "ba_annual", "--store", store, "-o", output);
        var unknown = await CliProcess.RunAsync(store, null, "download", "nope", "--store", store);
        var invalid = await CliProcess.RunAsync(store, null, "download", "../x", "--store", store);

        Assert.Equal(0, datasets.ExitCode);
        Assert.Contains("ba_hourly", datasets.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("warning: SAMPLE DATA, NOT REAL:", datasets.Stdout.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
        // The page to open, as `run` names it: a file that is there.
        var page = new Uri(Assert.Single(datasets.Stdout.Split('\n'), l => l.StartsWith("page: ", StringComparison.Ordinal))["page: ".Length..].Trim());
        Assert.Equal(Path.Combine(store, "runs", LatestRunId(store), "index.html"), page.LocalPath);
        Assert.True(File.Exists(page.LocalPath));
        Assert.Equal(0, download.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(store, "runs", LatestRunId(store), "data", "ba_annual.csv")), File.ReadAllBytes(output));
        Assert.StartsWith("warning: SAMPLE DATA, NOT REAL:", download.Stderr.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no dataset 'nope'", unknown.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, invalid.ExitCode);
    }

    [Fact]
    public async Task Download_FileChangedInTheStore_ExitsOneAndLeavesTheOutputAsItWas()
    {
        var store = TestPaths.NewTempFolder();
        await CliProcess.RunAsync(store, null, "run", "--store", store);
        var published = Path.Combine(store, "runs", LatestRunId(store), "data", "ba_annual.csv");
        var bytes = File.ReadAllBytes(published);
        bytes[^2] = bytes[^2] == (byte)'9' ? (byte)'8' : (byte)'9';
        File.WriteAllBytes(published, bytes);
        var folder = TestPaths.NewTempFolder();
        var output = Path.Combine(folder, "annual.csv");
        File.WriteAllText(output, "an earlier download");

        var toFile = await CliProcess.RunAsync(store, null, "download", "ba_annual", "--store", store, "-o", output);
        var toStdout = await CliProcess.RunAsync(store, null, "download", "ba_annual", "--store", store);

        Assert.Equal((1, 1), (toFile.ExitCode, toStdout.ExitCode));
        Assert.StartsWith("error: data/ba_annual.csv is damaged in the store: ", toFile.Stderr.Trim(), StringComparison.Ordinal);
        Assert.EndsWith($"Nothing was written to {output}.", toFile.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Equal("an earlier download", File.ReadAllText(output));
        Assert.Equal(["annual.csv"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.EndsWith("What went to standard output is not the published file.", toStdout.Stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_AfterARunThenAFileChangedAndAnInputRemoved_SaysOkThenNamesBothAndExitsOne()
    {
        var store = TestPaths.NewTempFolder();
        await CliProcess.RunAsync(store, null, "run", "--store", store);
        var runId = LatestRunId(store);

        var whole = await CliProcess.RunAsync(store, null, "verify", "--store", store);
        var published = Path.Combine(store, "runs", runId, "data", "ba_annual.csv");
        var bytes = File.ReadAllBytes(published);
        bytes[^2] = bytes[^2] == (byte)'9' ? (byte)'8' : (byte)'9';
        File.WriteAllBytes(published, bytes);
        var input = Directory.GetFiles(Path.Combine(store, "raw", "ember")).Single();
        File.Delete(input);
        var damaged = await CliProcess.RunAsync(store, null, "verify", "--store", store);
        var ownFiles = await CliProcess.RunAsync(store, null, "verify", "--run", runId, "--no-inputs", "--store", store);
        var badRun = await CliProcess.RunAsync(store, null, "verify", "--run", "latest", "--store", store);

        Assert.Equal(0, whole.ExitCode);
        var lines = whole.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains($"ok       runs/{runId}/data/ba_annual.csv (", whole.Stdout, StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("ok       raw/ember/", StringComparison.Ordinal));
        Assert.Matches($"^run {runId}: [0-9]+ files checked, every one as datapackage.json lists.$", lines[^2]);
        Assert.StartsWith("warning: SAMPLE DATA, NOT REAL:", lines[^1], StringComparison.Ordinal);
        Assert.Equal(1, damaged.ExitCode);
        Assert.Matches($"damaged  runs/{runId}/data/ba_annual.csv: sha256 [0-9a-f]{{64}}, [0-9a-f]{{64}} listed", damaged.Stdout);
        Assert.Contains($"missing  raw/ember/{Path.GetFileName(input)}: listed in the data package, missing from the store", damaged.Stdout, StringComparison.Ordinal);
        Assert.Contains($"run {runId}: 2 of ", damaged.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, ownFiles.ExitCode);
        Assert.DoesNotContain("raw/", ownFiles.Stdout, StringComparison.Ordinal);
        Assert.Contains($"run {runId}: 1 of ", ownFiles.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, badRun.ExitCode);
        Assert.Equal("error: --run: a run id looks like 20261127T060000Z-ab12cd.", badRun.Stderr.Trim());
    }

    [Fact]
    public async Task RunLive_SourcesOnALocalServer_PublishesAndTheKeyAppearsNowhere()
    {
        const string key = "LIVE-TEST-KEY-9f8e7d6c5b4a";
        var recorded = await File.ReadAllBytesAsync(Path.Combine(Snapshot.DefaultRoot, TestPaths.BulkSnapshotFile));
        await using var api = await ApiPageServer.StartAsync(rows: 40, respondent: "SWPP");
        await using var bulk = await LocalHttpServer.StartAsync(context => context.Response.Body.WriteAsync(recorded).AsTask());
        var workbook = await File.ReadAllBytesAsync(Path.Combine(Snapshot.DefaultRoot, "eia860m", "august_generator2026.xlsx"));
        await using var eia860m = await LocalHttpServer.StartAsync(context => context.Response.Body.WriteAsync(workbook).AsTask());
        var emberRecorded = await File.ReadAllBytesAsync(Path.Combine(Snapshot.DefaultRoot, "ember", "yearly_full_release_long_format.csv"));
        await using var ember = await LocalHttpServer.StartAsync(context => context.Response.Body.WriteAsync(emberRecorded).AsTask());
        var queueWorkbook = await File.ReadAllBytesAsync(Path.Combine(Snapshot.DefaultRoot, "queues", "lbnl", "LBNL_Ix_Queue_Data_File_thru2025.xlsx"));
        var queueCsv = await File.ReadAllBytesAsync(Path.Combine(Snapshot.DefaultRoot, "queues", "gridstatus", "pjm.csv"));
        await using var queues = await LocalHttpServer.StartAsync(context =>
            context.Response.Body.WriteAsync(context.Request.Path.Value!.EndsWith(".xlsx", StringComparison.Ordinal) ? queueWorkbook : queueCsv).AsTask());
        var store = TestPaths.NewTempFolder();
        var environment = new Dictionary<string, string?>
        {
            ["EIA_API_KEY"] = key,
            ["Sources__Queues__Files__0__Url"] = new Uri(queues.BaseAddress, "queued_up.xlsx").ToString(),
            ["Sources__Queues__Files__0__Format"] = "lbnl",
            ["Sources__Queues__Files__1__Url"] = new Uri(queues.BaseAddress, "pjm.csv").ToString(),
            ["Sources__Queues__Files__1__Format"] = "gridstatus",
            ["Sources__Queues__Files__1__Region"] = "PJM",
            ["Sources__Eia930Api__Url"] = new Uri(api.BaseAddress, ApiPageServer.Route).ToString(),
            ["Sources__Eia930Api__PageLength"] = "15",
            ["Sources__Eia930Bulk__Url"] = bulk.BaseAddress.ToString(),
            ["Sources__Eia930Bulk__Files__0"] = "EIA930_BALANCE_2025_Jul_Dec.csv",
            ["Sources__Eia860m__Url"] = eia860m.BaseAddress.ToString(),
            ["Sources__Eia860m__Vintages__0"] = "2026-08",
            ["Sources__Ember__Url"] = new Uri(ember.BaseAddress, "yearly_full_release_long_format.csv").ToString(),
        };

        var result = await CliProcess.RunAsync(store, environment, "run", "--live", "--store", store);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("SAMPLE DATA", result.Stdout, StringComparison.Ordinal);
        // Real data: each scenario's headline without the sample prefix.
        Assert.All(Headlines(store), h => Assert.Contains($"  {h.Id}: Under ", result.Stdout, StringComparison.Ordinal));
        Assert.Equal("live", JsonDocument.Parse(File.ReadAllBytes(Path.Combine(store, "runs", LatestRunId(store), "report.json"))).RootElement.GetProperty("mode").GetString());
        // Real data carries no sample label in its Parquet footers (the ba_hourly part's writer is our own, the rest Parquet.Net).
        foreach (var parquet in new[] { Path.Combine("data", "ba_hourly", "2025_h2.parquet"), Path.Combine("data", "generators.parquet"), Path.Combine("gap", "gap_by_year.parquet") })
        {
            await using var stream = File.OpenRead(Path.Combine(store, "runs", LatestRunId(store), parquet));
            await using var reader = await Parquet.ParquetReader.CreateAsync(stream);
            Assert.False(reader.CustomMetadata.ContainsKey(AiEnergyPipeline.Tables.ParquetLabels.SampleKey), parquet);
        }

        Assert.Equal(3, api.Requests.Count);
        Assert.Contains("api_key=" + key, api.Requests.First(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, result.Stdout + result.Stderr, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(store, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(key, await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }

        var hourly = Path.Combine(store, "runs", LatestRunId(store), "data", "ba_hourly");
        Assert.Equal(3360, (await File.ReadAllLinesAsync(Path.Combine(hourly, "2025_h2.csv"))).Length - 1);
        var apiPart = await File.ReadAllLinesAsync(Path.Combine(hourly, "api.csv"));
        Assert.Equal(40, apiPart.Length - 1);
        Assert.All(apiPart.Skip(1), l => Assert.Contains(",api,", l, StringComparison.Ordinal));
        // One vintage named: one request, at its first address (the server has a workbook at every address).
        Assert.Single(eia860m.Requests);
        Assert.True((await File.ReadAllLinesAsync(Path.Combine(store, "runs", LatestRunId(store), "data", "generators.csv"))).Length > 1);
        Assert.Equal(2, queues.Requests.Count);
    }

    [Fact]
    public async Task SnapshotRecordThenRunSnapshot_SourcesOnALocalServer_ReplaysOfflineAsRecordedData()
    {
        var folder = TestPaths.NewTempFolder();
        var recording = Path.Combine(folder, "recorded");
        var store = Path.Combine(folder, "store");
        await using (var server = await FaultServer.StartAsync())
        {
            // The settings of a live run, as an operator sets them: environment variables.
            var environment = server.LiveSettings().Where(p => p.Key != "Pipeline:Mode")
                .ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value);

            var record = await CliProcess.RunAsync(folder, environment, "snapshot", "record", "--out", recording);

            Assert.Equal(0, record.ExitCode);
            Assert.Contains($"snapshot: {recording}", record.Stdout, StringComparison.Ordinal);
            Assert.Contains($"replay: aienergy run --snapshot {recording}", record.Stdout, StringComparison.Ordinal);
        }

        var replay = await CliProcess.RunAsync(folder, null, "run", "--snapshot", recording, "--store", store);

        Assert.Equal(0, replay.ExitCode);
        Assert.DoesNotContain("SAMPLE DATA", replay.Stdout, StringComparison.Ordinal);
        var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(store, "runs", LatestRunId(store), "report.json"))).RootElement;
        Assert.Equal("recorded", report.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Run_LiveAndSnapshotTogether_FailsWithUsage()
    {
        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), null, "run", "--live", "--snapshot", "x");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: --live and --snapshot exclude each other: fetch live, or replay a recording. (see aienergy run --help)", result.Stderr.Trim());
    }
}
