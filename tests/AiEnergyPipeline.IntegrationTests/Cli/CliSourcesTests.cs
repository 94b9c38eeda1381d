using AiEnergyPipeline.IntegrationTests.Infrastructure;

namespace AiEnergyPipeline.IntegrationTests.Cli;

/// <summary>`aienergy sources`, run as its own process.</summary>
public class CliSourcesTests
{
    private const string Key = "test-eia-key-0123456789";

    [Fact]
    public async Task Sources_LiveWithUrlOverrideAndKey_ShowsTheOverrideAndNeverTheKey()
    {
        var environment = new Dictionary<string, string?>
        {
            ["EIA_API_KEY"] = Key,
            ["Sources__Eia930Api__Url"] = $"http://127.0.0.1:9/v2/region-data/?api_key={Key}",
            ["Sources__Ember__Url"] = "http://127.0.0.1:9/ember/capacity.csv",
        };

        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), environment, "sources", "--live");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("mode: live", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"eia930_api\s+Sources__Eia930Api__Url\s+http://127\.0\.0\.1:9/v2/region-data/\?api_key=REDACTED", result.Stdout);
        Assert.Matches(@"ember\s+Sources__Ember__Url\s+http://127\.0\.0\.1:9/ember/capacity\.csv", result.Stdout);
        Assert.Matches(@"eia930_api\s+EIA_API_KEY\s+REDACTED", result.Stdout);
        Assert.Matches(@"queues\s+Sources__Queues__Files__0__Url\s+https://", result.Stdout);
        Assert.Matches(@"curated\s+Sources__Curated__Path\s+\S+curated", result.Stdout);
        Assert.DoesNotContain(Key, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_NoOptions_ShowsTheSnapshotSettingsAPlainRunUses()
    {
        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), null, "sources");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("mode: snapshot", result.Stdout, StringComparison.Ordinal);
        // The snapshot's settings add a second queue file that a live run without settings does not fetch.
        Assert.Matches(@"queues\s+Sources__Queues__Files__1__Url\s+https://data\.gridstatus\.example/", result.Stdout);
        Assert.Matches(@"eia930_bulk\s+Sources__Eia930Bulk__Url\s+https://www\.eia\.gov/", result.Stdout);
    }

    [Fact]
    public async Task Sources_InvalidQueueSetting_ExitsTwoNamingTheSetting()
    {
        var environment = new Dictionary<string, string?> { ["Sources__Queues__Files__0__Format"] = "pdf" };

        var result = await CliProcess.RunAsync(TestPaths.NewTempFolder(), environment, "sources", "--live");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: Sources__Queues__Files__0__Format is 'pdf': must be blank, lbnl, gridstatus, pjm, caiso, nyiso, ercot, spp, miso or isone.", result.Stderr.Trim());
    }
}
