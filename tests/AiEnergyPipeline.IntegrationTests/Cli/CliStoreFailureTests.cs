using System.Text.Json;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace AiEnergyPipeline.IntegrationTests.Cli;

/// <summary>The `aienergy` commands when the store is down, misconfigured or damaged: one line, the right exit code, no stack trace.</summary>
public class CliStoreFailureTests
{
    private static string LatestRunId(string store) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(store, "latest.json"))).RootElement.GetProperty("run_id").GetString()!;

    private static void AssertNoStackTrace(CliProcess.Result result) =>
        Assert.DoesNotContain(result.Stderr.Split('\n'), l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception:", StringComparison.Ordinal));

    [Fact]
    public async Task Run_NoBlobServiceListening_ExitsOneSayingPublishFailedConnectionRefused()
    {
        var environment = new Dictionary<string, string?> { ["PublishedStorage__MaxRetries"] = "1", ["PublishedStorage__RetryDelay"] = "00:00:00.100" };

        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), environment, "run", "--connection", ClosedPort.BlobConnectionString());

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith("error: publish failed: ", error, StringComparison.Ordinal);
        Assert.Contains("in http://127.0.0.1:", error, StringComparison.Ordinal);
        Assert.Contains("Connection refused", error, StringComparison.OrdinalIgnoreCase);
        AssertNoStackTrace(result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Run_BlobServiceAnswering503_AsksMaxRetriesPlusOneTimesPerAttempt(int maxRetries)
    {
        // Bounded by count, not by a clock: before the retries were bounded, a run against a store that
        // was down took 25 s of the SDK's default retries. Each operation of the run (the start's sweep,
        // which only logs its failure, then the publish) asks 1 + MaxRetries times.
        await using var server = await LocalHttpServer.StartAsync(context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"BlobEndpoint={server.BaseAddress}devstoreaccount1;";
        var environment = new Dictionary<string, string?> { ["PublishedStorage__MaxRetries"] = $"{maxRetries}", ["PublishedStorage__RetryDelay"] = "00:00:00.100" };

        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), environment, "run", "--connection", connection);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: publish failed: ", Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal)), StringComparison.Ordinal);
        AssertNoStackTrace(result);
        var operations = server.Requests.Count / (maxRetries + 1);
        Assert.Equal(operations * (maxRetries + 1), server.Requests.Count);
        Assert.InRange(operations, 1, 3);
    }

    [Fact]
    public async Task Run_MaxRetriesOutOfRange_ExitsTwoAsAConfigurationError()
    {
        var environment = new Dictionary<string, string?> { ["PublishedStorage__MaxRetries"] = "99" };

        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), environment, "run", "--connection", ClosedPort.BlobConnectionString());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: PublishedStorage__MaxRetries is 99: must be an integer from 0 to 10.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadingCommands_TruncatedLatest_AnswerInOneLineAndTheNextRunPublishes()
    {
        var store = TestPaths.NewTempFolder();
        await CliProcess.RunAsync(store, null, "run", "--store", store);
        var first = LatestRunId(store);
        await LatestDamage.ApplyAsync(store, first, LatestDamage.Truncated);

        var datasets = await CliProcess.RunAsync(store, null, "datasets", "--store", store);
        var download = await CliProcess.RunAsync(store, null, "download", "ba_annual", "--store", store);
        var recompute = await CliProcess.RunAsync(store, null, "recompute", "--store", store);
        var run = await CliProcess.RunAsync(store, null, "run", "--store", store);
        var after = await CliProcess.RunAsync(store, null, "datasets", "--store", store);

        foreach (var failed in new[] { datasets, download, recompute })
        {
            Assert.Equal(1, failed.ExitCode);
            // One line of cause; a recompute's sweep, which runs before it reads latest.json, may say what it did (a timed progress line) before it.
            var error = Assert.Single(failed.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !System.Text.RegularExpressions.Regex.IsMatch(l, "^[0-9]{2}:[0-9]{2}:[0-9]{2} sweep "));
            Assert.Contains("latest.json is not a valid pointer:", error, StringComparison.Ordinal);
            AssertNoStackTrace(failed);
        }

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning: latest.json is not a valid pointer:", run.Stderr, StringComparison.Ordinal);
        Assert.NotEqual(first, LatestRunId(store));
        Assert.Equal(0, after.ExitCode);
        Assert.Contains($"run: {LatestRunId(store)}", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LatestRunLostGeneratorsCsv_PublishesANewRunAndMovesLatest()
    {
        var store = TestPaths.NewTempFolder();
        await CliProcess.RunAsync(store, null, "run", "--store", store);
        var first = LatestRunId(store);
        File.Delete(Path.Combine(store, "runs", first, "data", "generators.csv"));

        var datasets = await CliProcess.RunAsync(store, null, "datasets", "--store", store);
        var run = await CliProcess.RunAsync(store, null, "run", "--store", store);

        Assert.Equal(1, datasets.ExitCode);
        Assert.Contains("data/generators.csv is missing", datasets.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("Unchanged", run.Stdout, StringComparison.Ordinal);
        var second = LatestRunId(store);
        Assert.NotEqual(first, second);
        Assert.Contains($"latest.json -> {second}", run.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(store, "runs", second, "data", "generators.csv")));
    }

    [Fact]
    public async Task Run_ConnectionToAzurite_StandardErrorCarriesNoSdkHttpLog()
    {
        var container = Azurite.NewContainer();

        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), null, "run", "--connection", Azurite.ConnectionString, "--container", container.Name);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, l => l.Contains("Request [", StringComparison.Ordinal) || l.Contains("Response [", StringComparison.Ordinal) || l.Contains("x-ms-", StringComparison.Ordinal));
        // The run's own progress, one line per step and one per note of the gap, is about 150 lines; the SDK's log made it 3,126.
        Assert.True(lines.Length < 300, $"{lines.Length} lines on standard error");
    }
}
