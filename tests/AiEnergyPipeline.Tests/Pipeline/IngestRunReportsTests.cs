using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.Tests.Pipeline;

public class IngestRunReportsTests
{
    private static readonly DateTimeOffset Planned = new(2026, 11, 27, 6, 0, 0, TimeSpan.Zero);
    private static readonly IngestPlan Plan = new("20261127T060000Z-plan", "timer", Planned, []);

    [Fact]
    public void Create_RunFailedBeforeReadingAnyInput_SaysTheConfiguredModeTheBuildAndTimesTheRunFromItsPlan()
    {
        var time = new FakeTimeProvider(Planned.AddMinutes(3));
        var reports = new IngestRunReports(new ConfiguredRunMode(RunMode.Sample), time);
        var failed = new SourceReport("eia930_bulk", SourceStatus.Failed, 0, [], 0, 0, 0, 0, "the list is an HTML page");

        var report = reports.Create(Plan, reports.ClockOf(Plan), "run-1", RunStatus.Failed, "Run run-1 failed", [failed], [], 0, [], files: null);

        Assert.Equal(RunMode.Sample, report.Mode);
        // A failed run has no data package: its report is where the build that failed is named.
        Assert.Equal(AiEnergyPipeline.Publish.CodeVersion.Current, report.CodeVersion);
        Assert.Equal(("timer", Planned, Planned.AddMinutes(3), 180_000L), (report.Trigger, report.StartedAt, report.FinishedAt, report.DurationMs));
        Assert.Equal([failed], report.Sources);
        Assert.Null(report.Partitions);
    }

    [Fact]
    public void Create_InputsRead_SaysTheirModeNotTheConfiguredOne()
    {
        var time = new FakeTimeProvider(Planned);
        var reports = new IngestRunReports(new ConfiguredRunMode(RunMode.Sample), time);
        var file = new FetchedFile("ember", "ember.csv", "raw/ember/ab.csv", "ab", 10, "https://ember.example/ember.csv", Planned, null, null, "/tmp/ember.csv", AlreadyArchived: false);
        var partition = new PartitionReport("eia930_bulk", "2025_h1", "EIA930_BALANCE_2025_Jan_Jun.csv", PartitionStatus.Reused, "cd", 20, 4, 4, 0, null);

        var report = reports.Create(Plan, reports.ClockOf(Plan), "run-2", RunStatus.Published, "Published", [], [], 0, [partition],
            new Dictionary<string, IReadOnlyList<FetchedFile>> { ["ember"] = [file] });

        Assert.Equal(RunMode.Live, report.Mode);
        Assert.Equal([partition], report.Partitions);
    }
}
