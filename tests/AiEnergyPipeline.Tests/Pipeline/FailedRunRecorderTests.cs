using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.TestKit;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Logging;

namespace AiEnergyPipeline.Tests.Pipeline;

public class FailedRunRecorderTests
{
    private const string RunId = "20261127T060000Z-ab12cd";
    private static readonly DateTimeOffset Started = new(2026, 11, 27, 6, 0, 0, TimeSpan.Zero);

    private static RunReport FailedReport(string error) =>
        new(RunId, RunStatus.Failed, "test", Started, Started.AddSeconds(1), 1000, FailedRunRecorder.Message($"Run {RunId}", error), [], [], 0);

    private static (FailedRunRecorder Recorder, ListLogger<FailedRunRecorder> Logs) Recorder(IDatasetStore store)
    {
        var logs = new ListLogger<FailedRunRecorder>();
        return (new FailedRunRecorder(new RunPublisher(store, new ListLogger<RunPublisher>()), store, new SecretRedactor(["secret-key-123"]), logs), logs);
    }

    [Fact]
    public void Message_SubjectAndCause_SaysNothingWasPublishedAndLatestIsUnchanged()
    {
        Assert.Equal("Recompute r2 of run r1 failed, nothing new was published and latest.json is unchanged: gap: no scenarios",
            FailedRunRecorder.Message("Recompute r2 of run r1", "gap: no scenarios"));
    }

    [Fact]
    public async Task RecordAsync_StoreTakesTheReport_WritesItLogsTheMessageAndReturnsTheFailure()
    {
        var folder = Repository.NewTempFolder();
        var (recorder, logs) = Recorder(new FileSystemDatasetStore(folder));
        var report = FailedReport("eia930_bulk: the list is an HTML page");

        var outcome = await recorder.RecordAsync(report, derivedFrom: "20261126T060000Z-base", CancellationToken.None);

        Assert.Equal((RunStatus.Failed, RunId, null, "20261126T060000Z-base"), (outcome.Status, outcome.RunId, outcome.LatestRunId, outcome.DerivedFrom));
        Assert.Equal(report.Message, outcome.Message);
        Assert.Same(report, outcome.Report);
        Assert.True(File.Exists(Path.Combine(folder, RunPublisher.ReportPath(RunId))));
        Assert.Contains((LogLevel.Error, report.Message!), logs.Lines);
    }

    [Fact]
    public async Task RecordAsync_StoreRefusesTheReport_StillReturnsTheFailureAndLogsWhyTheReportIsMissing()
    {
        var folder = Repository.NewTempFolder();
        // A file where the runs folder should be: every write under runs/ fails as a full or broken disk would.
        await File.WriteAllTextAsync(Path.Combine(folder, "runs"), "");
        var (recorder, logs) = Recorder(new FileSystemDatasetStore(folder));

        var outcome = await recorder.RecordAsync(FailedReport("publish failed: disk full"), derivedFrom: null, CancellationToken.None);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        Assert.EndsWith("publish failed: disk full", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Error && l.Message.StartsWith($"run {RunId}: its report could not be written:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordAsync_ReportWithoutMessage_Throws()
    {
        var (recorder, _) = Recorder(new FileSystemDatasetStore(Repository.NewTempFolder()));

        await Assert.ThrowsAsync<ArgumentException>(() => recorder.RecordAsync(FailedReport("x") with { Message = null }, null, CancellationToken.None));
    }
}
