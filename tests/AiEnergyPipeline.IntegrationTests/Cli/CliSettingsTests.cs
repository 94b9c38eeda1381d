using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.IntegrationTests.Cli;

/// <summary>
/// A bad setting, set in the environment as operators do, through the real `aienergy` process:
/// one line on standard error naming the setting, its value and its range, exit 2, no stack trace
/// and nothing done.
/// </summary>
public class CliSettingsTests
{
    public static TheoryData<BadSetting> Cases() => [.. BadSettings.All.Where(b => b.Cli is not { Length: 0 })];

    private static async Task<CliProcess.Result> RunAsync(IDictionary<string, string?> environment, string[] args) =>
        await CliProcess.RunAsync(TestPaths.NewTempFolder(), environment, args);

    private static string OneLine(CliProcess.Result result)
    {
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("", result.Stdout);
        return Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('\r');
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Command_BadSettingInTheEnvironment_ExitsTwoWithOneLineNamingItAndItsRange(BadSetting bad)
    {
        var environment = new Dictionary<string, string?> { [bad.Key] = bad.Value };
        foreach (var (key, value) in bad.With ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var line = OneLine(await RunAsync(environment, bad.Cli ?? BadSetting.Run));

        Assert.StartsWith($"error: {bad.Key} is ", line, StringComparison.Ordinal);
        Assert.Contains(bad.Expected, line, StringComparison.Ordinal);
        Assert.Contains(": must be ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "--live")]
    [InlineData("sources")]
    [InlineData("sources", "--live")]
    [InlineData("datasets")]
    [InlineData("download", "ba_annual")]
    [InlineData("recompute")]
    public async Task EveryCommandThatBuildsServices_MaxRetriesZero_ExitsTwoWithTheSameLine(params string[] args)
    {
        var line = OneLine(await RunAsync(new Dictionary<string, string?> { ["Sources__Http__MaxRetries"] = "0" }, args));

        Assert.Equal("error: Sources__Http__MaxRetries is 0: must be an integer from 1 to 20.", line);
    }

    [Theory]
    [InlineData("Sweep__KeepLatestRuns", "0", "sources")]
    [InlineData("Health__MaxConsecutiveFailures", "-1", "sources")]
    [InlineData("PublishedStorage__MaxRetries", "99", "sources")]
    [InlineData("Ingest__MaxDequeueCount", "0", "snapshot", "record", "--out")]
    public async Task SourcesOnlyCommand_BadSettingOfAnotherPart_ExitsTwoAsTheAppWould(string key, string value, params string[] args)
    {
        var folder = TestPaths.NewTempFolder();
        var environment = new Dictionary<string, string?> { [key] = value, ["EIA_API_KEY"] = "test-key" };

        var line = OneLine(await CliProcess.RunAsync(folder, environment, [.. args, .. args[^1] == "--out" ? new[] { Path.Combine(folder, "rec") } : []]));

        Assert.StartsWith($"error: {key} is {value}: must be ", line, StringComparison.Ordinal);
        // The stand-in store folder the check composes with is never made.
        Assert.False(Directory.Exists(Path.Combine(folder, "published")));
    }

    [Fact]
    public async Task Run_TotalTimeoutShorterThanTheAttempt_ExitsTwoNamingBoth()
    {
        var line = OneLine(await RunAsync(new Dictionary<string, string?> { ["Sources__Http__TotalTimeout"] = "00:00:20" }, ["run"]));

        Assert.Equal("error: Sources__Http__TotalTimeout is 00:00:20, shorter than Sources__Http__AttemptTimeout (00:02:00): must be a duration (hh:mm:ss) from Sources__Http__AttemptTimeout to 1.00:00:00.", line);
    }
}
