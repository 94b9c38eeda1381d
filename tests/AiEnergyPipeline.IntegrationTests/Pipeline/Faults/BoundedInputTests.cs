using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.TestKit;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.Faults;

/// <summary>
/// Hostile inputs of issue 12 in whole live runs over a real local server: a zip bomb in place of
/// the EIA-860M workbook and a server trickling a line every 100 ms. Each fails its source, with
/// report.json naming the file and the limit, and latest.json stays on the good run before.
/// </summary>
public class BoundedInputTests
{
    private static async Task<(FaultRun Run, byte[]? LatestBefore)> AfterAGoodRunAsync(FaultServer server)
    {
        var run = new FaultRun(server, Azurite.NewContainer());
        var good = await run.RunAsync();
        Assert.True(good.Status == RunStatus.Published, good.Message);
        return (run, await run.ReadAsync(RunPublisher.LatestPath));
    }

    private static async Task<string> FailedSourceErrorAsync(FaultRun run, RunOutcome outcome, string source)
    {
        Assert.Equal(RunStatus.Failed, outcome.Status);
        var report = await run.ReadJsonAsync(RunPublisher.ReportPath(outcome.RunId));
        var failed = Assert.Single(report.GetProperty("sources").EnumerateArray(), s => s.GetProperty("status").GetString() == "failed");
        Assert.Equal(source, failed.GetProperty("name").GetString());
        return failed.GetProperty("error").GetString()!;
    }

    [Fact]
    public async Task RunAsync_Eia860mWorkbookIsAZipBomb_FailsTheSourceNamingFileAndLimitLatestUnchanged()
    {
        await using var server = await FaultServer.StartAsync();
        var (run, latestBefore) = await AfterAGoodRunAsync(server);
        var bomb = Path.Combine(Repository.NewTempFolder(), "bomb.xlsx");
        XlsxBombs.SharedString(bomb, 1L << 30, "Operating");
        var bytes = await File.ReadAllBytesAsync(bomb);
        server.Script(SourceFaultTests.Generators, Fault.Changed("zip bomb", _ => bytes));

        var outcome = await run.RunAsync();

        var error = await FailedSourceErrorAsync(run, outcome, "eia860m");
        // EIA-860M's vintages are partitions: the fan-out names the partition before the file.
        Assert.StartsWith("partition 2026-08: eia860m: august_generator2026.xlsx: part 'xl/sharedStrings.xml' expands to 1,073,741,", error, StringComparison.Ordinal);
        Assert.Contains("Sources:Limits:MaxPartBytes", error, StringComparison.Ordinal);
        Assert.Equal(latestBefore, await run.ReadAsync(RunPublisher.LatestPath));
        Assert.Null(await run.ReadAsync(RunPublisher.DataPackagePath(outcome.RunId)));
    }

    [Fact]
    public async Task RunAsync_ServerTricklesALineEvery100Ms_BodyDeadlineFailsTheSourceUnretriedLatestUnchanged()
    {
        await using var server = await FaultServer.StartAsync();
        var (run, latestBefore) = await AfterAGoodRunAsync(server);
        var before = server.RequestsFor(SourceFaultTests.Ember).Count;
        server.Script(SourceFaultTests.Ember, Fault.Trickle(TimeSpan.FromMilliseconds(100)));

        var outcome = await run.RunAsync(new Dictionary<string, string?> { ["Sources:Http:BodyDeadline"] = "00:00:01.500" });

        var error = await FailedSourceErrorAsync(run, outcome, "ember");
        Assert.Matches(@"^ember: yearly_full_release_long_format\.csv: download failed: the body took longer than 1\.5 s in all, \d+ bytes arrived; the server sends too slowly \(raise Sources:Http:BodyDeadline if it is genuine\)$", error);
        Assert.Equal(1, server.RequestsFor(SourceFaultTests.Ember).Count - before);
        Assert.Equal(latestBefore, await run.ReadAsync(RunPublisher.LatestPath));
    }
}
