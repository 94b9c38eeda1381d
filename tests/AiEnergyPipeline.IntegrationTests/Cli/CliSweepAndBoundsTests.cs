using AiEnergyPipeline.IntegrationTests.Infrastructure;

namespace AiEnergyPipeline.IntegrationTests.Cli;

/// <summary><c>aienergy recompute</c> with absurd numbers, and <c>aienergy sweep</c>, as processes on a folder store.</summary>
public class CliSweepAndBoundsTests
{
    private static async Task<string> IngestedStoreAsync()
    {
        var store = TestPaths.NewTempFolder();
        var run = await CliProcess.RunAsync(store, null, "run", "--store", store);
        Assert.Equal(0, run.ExitCode);
        return store;
    }

    [Fact]
    public async Task Recompute_AbsurdNumbersAndControlCharacters_ExitTwoWithFieldValueAndRangeEscaped()
    {
        var store = await IngestedStoreAsync();
        var file = Path.Combine(TestPaths.NewTempFolder(), "overrides.json");
        await File.WriteAllTextAsync(file, """
            {"assumptions":{"other_load_growth_gw_per_year":1e306,"load_factor.data_centre":5e-324},
             "scenarios":[{"scenario_id":"x\u0000\u001b[31m","points":[{"year":2028,"ai_load_gw":1e308}]}]}
            """);

        var result = await CliProcess.RunAsync(store, null, "recompute", "--assumptions", file, "--store", store);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("assumptions.other_load_growth_gw_per_year: 1E+306 is outside the range of other_load_growth_gw_per_year, [0, 2000] GW/year", lines);
        Assert.Contains("assumptions.load_factor.data_centre: 5E-324 is outside the range of load_factor.data_centre, [0.01, 1] fraction", lines);
        Assert.Contains(lines, l => l.StartsWith("scenarios[0].scenario_id: 'x\\u0000\\u001b[31m' is not a snake_case id", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Stderr, c => c is '\0' or '\u001b');
        Assert.Single(Directory.GetDirectories(Path.Combine(store, "runs")));
    }

    [Fact]
    public async Task Sweep_HalfRunLeftByACrash_DryRunListsItSweepRemovesIt()
    {
        var store = await IngestedStoreAsync();
        var complete = Path.GetFileName(Assert.Single(Directory.GetDirectories(Path.Combine(store, "runs"))));
        // A run that died while publishing two days ago: tables, no datapackage.json.
        var half = Path.Combine(store, "runs", "20200101T000000Z-deadbe");
        var table = Path.Combine(half, "data", "generators.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(table)!);
        await File.WriteAllTextAsync(table, "a,b\n");
        File.SetLastWriteTimeUtc(table, DateTime.UtcNow.AddDays(-2));
        var temp = Path.Combine(store, "runs", complete, "data", "generators.csv.00ff.tmp");
        await File.WriteAllTextAsync(temp, "half");
        File.SetLastWriteTimeUtc(temp, DateTime.UtcNow.AddDays(-2));

        var dry = await CliProcess.RunAsync(store, null, "sweep", "--dry-run", "--store", store);

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("would remove runs/20200101T000000Z-deadbe/: no datapackage.json", dry.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(table));

        var swept = await CliProcess.RunAsync(store, null, "sweep", "--store", store);

        Assert.Equal(0, swept.ExitCode);
        Assert.Contains("removed runs/20200101T000000Z-deadbe/", swept.Stdout, StringComparison.Ordinal);
        Assert.Contains("report: sweeps/", swept.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(half));
        Assert.False(File.Exists(temp));
        Assert.Equal([complete], Directory.GetDirectories(Path.Combine(store, "runs")).Select(Path.GetFileName));
        Assert.Single(Directory.GetFiles(Path.Combine(store, "sweeps")));
    }
}
