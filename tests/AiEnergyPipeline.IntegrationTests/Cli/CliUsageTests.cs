using AiEnergyPipeline.IntegrationTests.Infrastructure;

namespace AiEnergyPipeline.IntegrationTests.Cli;

/// <summary>What a new user runs into first: defaults, folders that are not there, and advice that names what to do.</summary>
public class CliUsageTests
{
    [Fact]
    public async Task Download_GapOutputsWithoutFormat_AreServedInTheirOnlyFormat()
    {
        var store = TestPaths.NewTempFolder();
        await CliProcess.RunAsync(store, null, "run", "--store", store);

        var headline = await CliProcess.RunAsync(store, null, "download", "headline", "--store", store);
        var gap = await CliProcess.RunAsync(store, null, "download", "gap", "--store", store);
        var table = await CliProcess.RunAsync(store, null, "download", "ba_annual", "--store", store);

        Assert.Equal((0, 0, 0), (headline.ExitCode, gap.ExitCode, table.ExitCode));
        Assert.StartsWith("{", headline.Stdout.TrimStart(), StringComparison.Ordinal);
        Assert.StartsWith("<svg", gap.Stdout.TrimStart(), StringComparison.Ordinal);
        Assert.StartsWith("balancing_authority_code,", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_OutputInAFolderNotThereYet_MakesTheFolder()
    {
        var store = TestPaths.NewTempFolder();
        await CliProcess.RunAsync(store, null, "run", "--store", store);
        var output = Path.Combine(TestPaths.NewTempFolder(), "new", "folder", "generators.csv");

        var result = await CliProcess.RunAsync(store, null, "download", "generators", "--store", store, "-o", output);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("report_month,sheet,", await File.ReadAllTextAsync(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recompute_AssumptionsGivenAFolder_SaysSoAndExitsTwo()
    {
        var folder = TestPaths.NewTempFolder();

        var result = await CliProcess.RunAsync(folder, null, "recompute", "--assumptions", folder, "--store", folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --assumptions: {folder} is a folder, not a file.", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("recompute", "error: nothing has been published yet: run 'aienergy run' first with --store {0}.")]
    [InlineData("datasets", "Nothing has been published yet: run 'aienergy run' first with --store {0}.")]
    public async Task ReadingCommand_EmptyStore_AdviceNamesTheStoreGiven(string command, string expected)
    {
        var store = TestPaths.NewTempFolder();

        var result = await CliProcess.RunAsync(store, null, command, "--store", store);

        Assert.Equal(1, result.ExitCode);
        // One of its lines: a recompute's log of its start-of-run sweep may come before or after it.
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, store), result.Stderr.Split('\n').Select(l => l.Trim()));
    }

    [Theory]
    [InlineData("datasets")]
    [InlineData("verify")]
    [InlineData("sweep")]
    [InlineData("download", "generators")]
    public async Task ReadingCommand_StoreFolderNotThere_SaysSoAndLeavesNoFolder(params string[] args)
    {
        var store = Path.Combine(TestPaths.NewTempFolder(), "publsihed");

        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), null, [.. args, "--store", store]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: there is no store at {store}: nothing has been published there (run 'aienergy run' with --store {store} first).", result.Stderr.Trim());
        Assert.False(Directory.Exists(store));
    }

    [Theory]
    [InlineData("run", "--live")]
    [InlineData("snapshot", "record", "--out")]
    public async Task LiveFetch_NoApiKey_RefusedBeforeAnyRequest(params string[] args)
    {
        var folder = TestPaths.NewTempFolder();
        // Every source pointed at a port nothing listens on: a request made would show as a failed fetch, not this line.
        var environment = new Dictionary<string, string?> { ["Sources__Eia930Bulk__Url"] = "http://127.0.0.1:9/", ["Sources__Eia860m__Url"] = "http://127.0.0.1:9/" };

        var result = await CliProcess.RunAsync(folder, environment, [.. args, .. args[^1] == "--out" ? new[] { Path.Combine(folder, "rec") } : ["--store", folder]]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: a live fetch needs an EIA API key: set EIA_API_KEY (free from https://www.eia.gov/opendata/register.php).", result.Stderr.Trim());
        Assert.DoesNotContain("fetching", result.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SnapshotRecord_OutIsAFile_RefusedBeforeAnyRequest()
    {
        var folder = TestPaths.NewTempFolder();
        var file = Path.Combine(folder, "run.out");
        await File.WriteAllTextAsync(file, "x");

        var result = await CliProcess.RunAsync(folder, new Dictionary<string, string?> { ["EIA_API_KEY"] = "test-key", ["Sources__Eia930Bulk__Url"] = "http://127.0.0.1:9/" }, "snapshot", "record", "--out", file);

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith($"error: {file} is a file: record into a new folder.", result.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Equal("x", await File.ReadAllTextAsync(file));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("datasets")]
    public async Task StoreOptions_StoreUnderAFile_NamedByTheFlagTyped(string command)
    {
        var folder = TestPaths.NewTempFolder();
        var file = Path.Combine(folder, "notes.txt");
        await File.WriteAllTextAsync(file, "x");
        var store = Path.Combine(file, "published");

        var result = await CliProcess.RunAsync(folder, null, command, "--store", store);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: --store {store}: not a folder path (it is a file, or under one).", result.Stderr.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("PublishedStorage__Path", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreOptions_ConnectionNotAConnectionString_NamedByTheFlagWithoutItsValue()
    {
        var folder = TestPaths.NewTempFolder();

        var result = await CliProcess.RunAsync(folder, null, "datasets", "--connection", "AccountKey=s3cr3t-value;nonsense");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --connection: set, but not valid (the value is not shown: it may hold a key)", result.Stderr.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreOptions_ConnectionWhileAFolderIsSetInTheEnvironment_TheFlagWins()
    {
        var folder = TestPaths.NewTempFolder();
        await CliProcess.RunAsync(folder, null, "run", "--store", folder);
        var container = Azurite.NewContainer();

        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), new Dictionary<string, string?> { ["PublishedStorage__Path"] = folder },
            "datasets", "--connection", Azurite.ConnectionString, "--container", container.Name);

        // The empty container was read, not the folder of the environment, which has a run.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Nothing has been published yet", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ServerAnswering503_OneLineOfOursForEachRetryNoneOfTheLibrarys()
    {
        await using var server = await LocalHttpServer.StartAsync(context =>
        {
            context.Response.StatusCode = 503;
            return Task.CompletedTask;
        });
        var folder = TestPaths.NewTempFolder();
        var environment = new Dictionary<string, string?>
        {
            ["EIA_API_KEY"] = "test-key",
            ["Sources__Eia930Bulk__Url"] = server.BaseAddress.ToString(),
            ["Sources__Http__MaxRetries"] = "2",
            ["Sources__Http__RetryDelay"] = "00:00:00",
        };

        var result = await CliProcess.RunAsync(folder, environment, "run", "--live", "--store", folder);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stderr.Split('\n');
        var retries = lines.Where(l => l.Contains("warning: EIA930_File_List_Meta.csv: HTTP 503 Service Unavailable; attempt ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, retries.Count);
        Assert.Contains("; attempt 2 of 3 in ", retries[0], StringComparison.Ordinal);
        Assert.Contains("; attempt 3 of 3 in ", retries[1], StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
        Assert.DoesNotContain(lines, l => l.Contains("Execution attempt", StringComparison.Ordinal) || l.Contains("Resilience event", StringComparison.Ordinal));
        // An empty error body leaves no dangling colon.
        Assert.Contains(lines, l => l.EndsWith("eia930_bulk: EIA930_File_List_Meta.csv: HTTP 503 Service Unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_ServerNotListening_EachRetryLineStillNamesTheFile()
    {
        var folder = TestPaths.NewTempFolder();
        var environment = new Dictionary<string, string?>
        {
            ["EIA_API_KEY"] = "test-key",
            ["Sources__Eia930Bulk__Url"] = $"http://127.0.0.1:{ClosedPort.Next()}/",
            ["Sources__Http__MaxRetries"] = "1",
            ["Sources__Http__RetryDelay"] = "00:00:00",
        };

        var result = await CliProcess.RunAsync(folder, environment, "run", "--live", "--store", folder);

        Assert.Equal(1, result.ExitCode);
        // No response to take the address from: the line still names the file, from the request.
        var retry = Assert.Single(result.Stderr.Split('\n'), l => l.Contains("; attempt 2 of 2 in ", StringComparison.Ordinal));
        Assert.Contains("warning: EIA930_File_List_Meta.csv: ", retry, StringComparison.Ordinal);
        Assert.Contains("Connection refused", retry, StringComparison.OrdinalIgnoreCase);
    }
}
