using AiEnergyPipeline.IntegrationTests.Infrastructure;

namespace AiEnergyPipeline.IntegrationTests.Cli;

/// <summary><c>aienergy recompute</c> as a process, after an offline run into a folder store.</summary>
public class CliRecomputeTests
{
    private static async Task<string> IngestedStoreAsync()
    {
        var store = TestPaths.NewTempFolder();
        var run = await CliProcess.RunAsync(store, null, "run", "--store", store);
        Assert.Equal(0, run.ExitCode);
        return store;
    }

    private static string[] Runs(string store) => [.. Directory.GetDirectories(Path.Combine(store, "runs")).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public async Task Recompute_ValidFile_PublishesARunAndPrintsEachScenariosHeadline()
    {
        var store = await IngestedStoreAsync();
        var file = Path.Combine(TestPaths.NewTempFolder(), "overrides.json");
        await File.WriteAllTextAsync(file, """{"assumptions":{"reserve_margin":0.25}}""");

        var result = await CliProcess.RunAsync(store, null, "recompute", "--assumptions", file, "--store", store);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, Runs(store).Length);
        Assert.Contains($"run: {Runs(store)[1]} (derived from {Runs(store)[0]})", result.Stdout, StringComparison.Ordinal);
        // The new run's page, as `run` prints it: a file:// URL that opens the published index.html.
        var page = result.Stdout.Split('\n').Single(l => l.StartsWith("page: ", StringComparison.Ordinal))["page: ".Length..].Trim();
        Assert.True(File.Exists(new Uri(page).LocalPath), page);
        Assert.Contains(Runs(store)[1], page, StringComparison.Ordinal);
        // The bundled snapshot is a sample: so is every run derived from it, and its headlines say so first.
        Assert.Contains("  anthropic_build_ai_2028: SAMPLE DATA, NOT REAL: Under Anthropic's", result.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("warning: SAMPLE DATA, NOT REAL:", result.Stdout.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);

        var again = await CliProcess.RunAsync(store, null, "recompute", "--assumptions", file, "--store", store);

        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("Unchanged:", again.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("page: ", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, Runs(store).Length);
    }

    [Fact]
    public async Task Recompute_InvalidFile_PrintsEveryErrorOnALineExitsTwoAndPublishesNothing()
    {
        var store = await IngestedStoreAsync();
        var latest = await File.ReadAllBytesAsync(Path.Combine(store, "latest.json"));
        var file = Path.Combine(TestPaths.NewTempFolder(), "overrides.json");
        await File.WriteAllTextAsync(file, """{"assumptions":{"reserve_margin":1.5,"no_such_assumption":1},"base_year":1800}""");

        var result = await CliProcess.RunAsync(store, null, "recompute", "--assumptions", file, "--store", store);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("assumptions.reserve_margin: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("assumptions.no_such_assumption: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("base_year: ", StringComparison.Ordinal));
        Assert.Single(Runs(store));
        Assert.Equal(latest, await File.ReadAllBytesAsync(Path.Combine(store, "latest.json")));
    }
}
