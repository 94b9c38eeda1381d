using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>The source history written by runs that end at the same moment, against Azurite's real ETags.</summary>
public class SourceHistoryRecorderTests
{
    [Fact]
    public async Task RecordAsync_RunsEndingConcurrently_LosesNoUpdate()
    {
        await using var services = TestPipeline.Build(TestPipeline.BlobStore(Azurite.NewContainer().Name));
        var start = new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero);
        var reports = Enumerable.Range(0, 8).Select(i => new RunReport(
            $"run-{i}", RunStatus.Failed, "test", start.AddMinutes(i), start.AddMinutes(i + 30), 0, "failed",
            [new SourceReport($"source_{i % 2}", SourceStatus.Failed, 0, [], 0, 0, 0, 0, $"error {i}")], [], 0)).ToList();

        await Task.WhenAll(reports.Select(r => Task.Run(() => services.GetRequiredService<SourceHistoryRecorder>().RecordAsync(r, null, CancellationToken.None))));
        var (history, _, problem) = await SourceHistory.ReadAsync(services.GetRequiredService<IDatasetStore>(), CancellationToken.None);

        Assert.Null(problem);
        Assert.Equal([("source_0", 4), ("source_1", 4)], history.Sources.Select(s => (s.Name, s.ConsecutiveFailures)));
        Assert.Equal(("run-7", RunStatus.Failed), (history.LastIngestRunId, history.LastIngestStatus));
    }

    [Fact]
    public async Task RecordAsync_StoreDown_LogsWhyAndStillTheSourceFailingLineWithoutThrowing()
    {
        var logs = new CapturedLogs();
        var settings = new Dictionary<string, string?>
        {
            ["PublishedStorage:ConnectionString"] = ClosedPort.BlobConnectionString(),
            ["PublishedStorage:MaxRetries"] = "0",
        };
        await using var services = TestPipeline.Build(settings, logs: logs);
        var start = new DateTimeOffset(2026, 11, 27, 6, 0, 0, TimeSpan.Zero);
        var report = new RunReport("run-1", RunStatus.Failed, "test", start, start.AddMinutes(5), 0, "failed",
            [new SourceReport("ember", SourceStatus.Failed, 0, [], 0, 0, 0, 0, "ember: 404")], [], 0);

        var written = await services.GetRequiredService<SourceHistoryRecorder>().RecordAsync(report, null, CancellationToken.None);

        Assert.Null(written);
        Assert.Contains("run run-1: the source history could not be updated: ", logs.All, StringComparison.Ordinal);
        Assert.Contains("source ember has failed 1 ingest run(s) in a row, the last in run run-1", logs.All, StringComparison.Ordinal);
    }
}
