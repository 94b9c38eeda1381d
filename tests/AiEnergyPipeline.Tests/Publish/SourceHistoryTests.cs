using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Ember;

namespace AiEnergyPipeline.Tests.Publish;

public class SourceHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 6, 0, 0, TimeSpan.Zero);

    private static RunReport Report(int day, RunStatus status, params (string Name, SourceStatus Status)[] sources) =>
        new($"run-{day}", status, "test", Start.AddDays(day), Start.AddDays(day).AddMinutes(10), 600_000, status == RunStatus.Failed ? "Run failed" : null,
            [.. sources.Select(s => new SourceReport(s.Name, s.Status, 0, [], 0, 0, 0, 0, s.Status == SourceStatus.Failed ? $"{s.Name}: 404 on day {day}" : null))], [], 0);

    private static SourceHistoryEntry Entry(SourceHistory history, string name) => history.Sources.Single(s => s.Name == name);

    [Fact]
    public void With_FailuresThenASuccess_CountsInARowAndResets()
    {
        var history = SourceHistory.Empty
            .With(Report(0, RunStatus.Published, ("ember", SourceStatus.Succeeded)), "run-0")
            .With(Report(1, RunStatus.Failed, ("ember", SourceStatus.Failed)), "run-0")
            .With(Report(2, RunStatus.Failed, ("ember", SourceStatus.Failed)), "run-0");

        var failing = Entry(history, "ember");
        var recovered = Entry(history.With(Report(3, RunStatus.Published, ("ember", SourceStatus.Succeeded)), "run-3"), "ember");

        Assert.Equal((2, "run-0", "run-2", "ember: 404 on day 2"), (failing.ConsecutiveFailures, failing.LastSuccessRunId, failing.LastFailureRunId, failing.LastError));
        Assert.Equal((0, "run-3", "run-2"), (recovered.ConsecutiveFailures, recovered.LastSuccessRunId, recovered.LastFailureRunId));
    }

    [Fact]
    public void With_PartialSourceRunAfterRun_CountsLikeAFailureNamingTheMissingFile()
    {
        static RunReport Partial(int day) => Report(day, RunStatus.Published) with
        {
            Sources = [new SourceReport("queues", SourceStatus.Partial, 0, [], 0, 0, 0, 0, null,
                FailedFiles: [new FileFailure("pjm.xlsx", "Sources:Queues:Files:2", "https://example.invalid/pjm", "PJM", FailureStage.Read, $"queues: pjm.xlsx: not in the PJM queue layout (day {day})")])],
        };

        var history = SourceHistory.Empty
            .With(Report(0, RunStatus.Published, ("queues", SourceStatus.Succeeded)), "run-0")
            .With(Partial(1), "run-1")
            .With(Partial(2), "run-2");

        var queues = Entry(history, "queues");
        Assert.Equal(2, queues.ConsecutiveFailures);
        Assert.Equal("queues: pjm.xlsx: not in the PJM queue layout (day 2)", queues.LastError);
        Assert.Equal(0, Entry(history.With(Report(3, RunStatus.Published, ("queues", SourceStatus.Succeeded)), "run-3"), "queues").ConsecutiveFailures);
    }

    [Fact]
    public void With_ReplaysOfARecordingBetweenLiveFailures_NeitherResetNorAddToTheCount()
    {
        var history = SourceHistory.Empty
            .With(Report(0, RunStatus.Published, ("ember", SourceStatus.Succeeded)), "run-0")
            .With(Report(1, RunStatus.Failed, ("ember", SourceStatus.Failed)), "run-0")
            .With(Report(2, RunStatus.Published, ("ember", SourceStatus.Succeeded)) with { Mode = RunMode.Recorded }, "run-2")
            .With(Report(3, RunStatus.Failed, ("ember", SourceStatus.Failed)) with { Mode = RunMode.Recorded }, "run-2")
            .With(Report(4, RunStatus.Failed, ("ember", SourceStatus.Failed)) with { Mode = RunMode.Live }, "run-2");

        var ember = Entry(history, "ember");
        Assert.Equal((2, "run-0", "run-4"), (ember.ConsecutiveFailures, ember.LastSuccessRunId, ember.LastFailureRunId));
        Assert.Equal(("run-4", RunStatus.Failed, "run-0"), (history.LastIngestRunId, history.LastIngestStatus, history.ConfirmedRunId));
    }

    [Fact]
    public void With_SameReportTwice_CountsItOnce()
    {
        var failed = Report(1, RunStatus.Failed, ("ember", SourceStatus.Failed));

        var history = SourceHistory.Empty.With(failed, null).With(failed, null);

        Assert.Equal(1, Entry(history, "ember").ConsecutiveFailures);
    }

    [Fact]
    public void With_OlderReportArrivingLate_KeepsTheNewerStateAndItsTimes()
    {
        var history = SourceHistory.Empty
            .With(Report(2, RunStatus.Published, ("ember", SourceStatus.Succeeded)), "run-2")
            .With(Report(1, RunStatus.Failed, ("ember", SourceStatus.Failed)), "run-2");

        var entry = Entry(history, "ember");

        Assert.Equal((0, "run-2", "run-1"), (entry.ConsecutiveFailures, entry.LastSuccessRunId, entry.LastFailureRunId));
        Assert.Equal(("run-2", RunStatus.Published), (history.LastIngestRunId, history.LastIngestStatus));
    }

    [Fact]
    public void With_SourceNotRun_LeavesItsRecordAlone()
    {
        var history = SourceHistory.Empty
            .With(Report(1, RunStatus.Failed, ("ember", SourceStatus.Failed)), null)
            .With(Report(2, RunStatus.Failed, ("ember", SourceStatus.NotRun), ("curated", SourceStatus.Failed)), null);

        Assert.Equal(1, Entry(history, "ember").ConsecutiveFailures);
        Assert.Equal(1, Entry(history, "curated").ConsecutiveFailures);
    }

    [Fact]
    public void With_UnchangedIngest_ConfirmsTheLatestRunAndAFailureDoesNot()
    {
        var confirmed = SourceHistory.Empty.With(Report(1, RunStatus.Unchanged, ("ember", SourceStatus.Succeeded)), "run-0");

        var afterFailure = confirmed.With(Report(2, RunStatus.Failed, ("ember", SourceStatus.Failed)), "run-0");

        Assert.Equal(("run-0", Start.AddDays(1).AddMinutes(10)), (confirmed.ConfirmedRunId, confirmed.ConfirmedAt));
        Assert.Equal((confirmed.ConfirmedRunId, confirmed.ConfirmedAt), (afterFailure.ConfirmedRunId, afterFailure.ConfirmedAt));
    }

    [Fact]
    public void With_LongError_KeepsItBounded()
    {
        var report = Report(1, RunStatus.Failed, ("ember", SourceStatus.Failed));
        report = report with { Sources = [report.Sources[0] with { Error = new string('x', 50_000) }] };

        var entry = Entry(SourceHistory.Empty.With(report, null), "ember");

        Assert.Equal(SourceHistory.MaxErrorChars, entry.LastError!.Length);
        Assert.EndsWith("...", entry.LastError, StringComparison.Ordinal);
    }
}
