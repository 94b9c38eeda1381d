using AiEnergyPipeline.Functions;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Vocabulary;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using System.Diagnostics;
using System.Text.Json;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.FanOut;

/// <summary>
/// The traces and metrics of a run fanned out over real Azurite queues and two worker instances,
/// through OpenTelemetry's in-memory exporters: one trace, every partition under the run span.
/// </summary>
[Collection(TelemetryCollection.Name)]
public class FanOutTelemetryTests
{
    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    private static IEnumerable<(IReadOnlyDictionary<string, object?> Tags, MetricPoint Point)> Points(IEnumerable<MetricSnapshot> snapshots, string name)
    {
        // Cumulative: the last snapshot of an instrument holds its totals.
        var snapshot = snapshots.LastOrDefault(m => m.Name == name);
        foreach (var point in snapshot?.MetricPoints ?? [])
        {
            var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in point.Tags)
            {
                tags[tag.Key] = tag.Value;
            }

            yield return (tags, point);
        }
    }

    private static long Sum(IEnumerable<MetricSnapshot> snapshots, string name, Func<IReadOnlyDictionary<string, object?>, bool>? where = null) =>
        Points(snapshots, name).Where(p => where?.Invoke(p.Tags) ?? true).Sum(p => p.Point.GetSumLong());

    [Fact]
    public async Task Ingest_QueueFanOutOverTwoWorkers_IsOneTraceWithEveryPartitionUnderTheRunSpanAndCountsItsMetrics()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(PipelineTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(PipelineTelemetry.Name).AddInMemoryExporter(metrics).Build();
        // One provider per instance: each takes its logger factory's scopes.
        var (logs1, logs2) = (new ScopedLogs(), new ScopedLogs());
        var (container, queue) = (Azurite.NewContainer().Name, AzuriteQueues.NewQueueName());
        await using var api = FanOutHost.Create(container, queue, script: null);
        await using var worker1 = FanOutHost.Create(container, queue, script: null, configure: s => s.AddLogging(l => l.AddProvider(logs1)));
        await using var worker2 = FanOutHost.Create(container, queue, script: null, configure: s => s.AddLogging(l => l.AddProvider(logs2)));

        var answer = Assert.IsType<ObjectResult>(await api.Function<IngestFunction>().RunAsync(api.Post(), CancellationToken.None));
        var plan = JsonSerializer.SerializeToElement(answer.Value).GetProperty("plan_id").GetString()!;
        await Task.WhenAll(Task.Run(() => worker1.DrainAsync(plan)), Task.Run(() => worker2.DrainAsync(plan)));
        var partitions = (await api.Work.ReadPlanAsync(plan, CancellationToken.None)).Partitions;
        var runId = Assert.Single(await api.PublishedRunsAsync());
        tracing.ForceFlush();
        metering.ForceFlush();

        var run = Assert.Single(spans, s => s.DisplayName == PipelineTelemetry.IngestRunSpan && Tag(s, PipelineTelemetry.PlanIdTag) == plan);
        Assert.Equal("http", Tag(run, PipelineTelemetry.TriggerTag));
        var trace = spans.Where(s => s.TraceId == run.TraceId).ToList();
        var partitionSpans = trace.Where(s => s.DisplayName == PipelineTelemetry.PartitionSpan).ToList();
        Assert.True(partitions.Count > 1, $"the snapshot has {partitions.Count} partitions");
        Assert.Equal(partitions.Count, partitionSpans.Count);
        Assert.All(partitionSpans, p =>
        {
            Assert.Equal(run.SpanId, p.ParentSpanId);
            Assert.Equal(plan, Tag(p, PipelineTelemetry.PlanIdTag));
            Assert.Equal("normalised", Tag(p, PipelineTelemetry.OutcomeTag));
            Assert.Contains(partitions, k => k.Source == Tag(p, PipelineTelemetry.SourceTag) && k.Name == Tag(p, PipelineTelemetry.PartitionTag));
            Assert.Contains(trace, f => f.DisplayName == PipelineTelemetry.FetchSpan && f.ParentSpanId == p.SpanId);
            Assert.Contains(trace, n => n.DisplayName == PipelineTelemetry.NormaliseSpan && n.ParentSpanId == p.SpanId);
        });
        Assert.Equal(partitions.Count, partitionSpans.Select(p => Tag(p, PipelineTelemetry.SourceTag) + "/" + Tag(p, PipelineTelemetry.PartitionTag)).Distinct().Count());
        var complete = Assert.Single(trace, s => s.DisplayName == PipelineTelemetry.CompleteSpan);
        Assert.Equal(run.SpanId, complete.ParentSpanId);
        Assert.Equal((runId, "published"), (Tag(complete, PipelineTelemetry.RunIdTag), Tag(complete, PipelineTelemetry.OutcomeTag)));
        Assert.Contains(trace, s => s.DisplayName == PipelineTelemetry.FetchSpan && s.ParentSpanId == complete.SpanId && Tag(s, PipelineTelemetry.SourceTag) == "ember");
        Assert.Contains(trace, s => s.DisplayName == PipelineTelemetry.NormaliseSpan && s.ParentSpanId == complete.SpanId);
        Assert.Contains(trace, s => s.DisplayName == PipelineTelemetry.GapSpan && s.ParentSpanId == complete.SpanId);
        Assert.Contains(trace, s => s.DisplayName == PipelineTelemetry.PublishSpan && s.ParentSpanId == complete.SpanId && Tag(s, PipelineTelemetry.RunIdTag) == runId);
        Assert.All(trace, s => Assert.NotEqual(ActivityStatusCode.Error, s.Status));

        Assert.Equal(partitions.Count, Sum(metrics, "aienergy.partitions", t => (string?)t[PipelineTelemetry.OutcomeTag] == "normalised"));
        Assert.Equal(0, Sum(metrics, "aienergy.partitions", t => (string?)t[PipelineTelemetry.OutcomeTag] != "normalised"));
        Assert.Equal(1, Sum(metrics, "aienergy.runs", t => (string?)t[PipelineTelemetry.KindTag] == "ingest" && (string?)t[PipelineTelemetry.OutcomeTag] == "published"));
        Assert.Equal(1, Sum(metrics, "aienergy.runs"));
        Assert.True(Sum(metrics, "aienergy.rows.in") > 0);
        Assert.True(Sum(metrics, "aienergy.rows.out", t => (string?)t[PipelineTelemetry.SourceTag] == "eia930_bulk") > 0);
        Assert.True(Sum(metrics, "aienergy.fetch.bytes") > 0);
        var age = Assert.Single(Points(metrics, "aienergy.data.age"), p => (string?)p.Tags[PipelineTelemetry.RunIdTag] == runId);
        Assert.InRange(age.Point.GetGaugeLastValueDouble(), 0, TimeSpan.FromHours(1).TotalSeconds);

        // Every line the workers logged in the pipeline's classes names the plan; the completion's, from its run id on, the run.
        var pipelineLines = logs1.Lines.Concat(logs2.Lines).Where(l => l.Category.StartsWith("AiEnergyPipeline.Pipeline", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pipelineLines);
        Assert.All(pipelineLines, l => Assert.Equal(plan, l.Scope.GetValueOrDefault("PlanId")));
        var published = Assert.Single(pipelineLines, l => l.Message.StartsWith("published run ", StringComparison.Ordinal));
        Assert.Equal(runId, published.Scope.GetValueOrDefault("RunId"));
    }
}
