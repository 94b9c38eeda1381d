using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.IntegrationTests.Pipeline.FanOut;
using AiEnergyPipeline.Recompute;
using AiEnergyPipeline.Vocabulary;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using System.Diagnostics;

namespace AiEnergyPipeline.IntegrationTests.Pipeline;

/// <summary>An in-process ingest, then a recompute, seen through OpenTelemetry's in-memory exporters.</summary>
[Collection(TelemetryCollection.Name)]
public class RecomputeTelemetryTests
{
    private static string? Tag(Activity span, string name) => span.GetTagItem(name)?.ToString();

    [Fact]
    public async Task IngestThenRecompute_InProcess_EachIsOneTraceTaggedWithItsRunAndCountedByOutcome()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(PipelineTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(PipelineTelemetry.Name).AddInMemoryExporter(metrics).Build();
        var folder = TestPaths.NewTempFolder();
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(folder));

        var ingest = await TestPipeline.RunIngestAsync(services);
        var recompute = await TestPipeline.RecomputeAsync(services, RecomputeRequest.Empty with { Assumptions = new Dictionary<string, double> { ["reserve_margin"] = 0.25 } });
        tracing.ForceFlush();
        metering.ForceFlush();

        var ingestSpan = Assert.Single(spans, s => s.DisplayName == PipelineTelemetry.IngestRunSpan && Tag(s, PipelineTelemetry.RunIdTag) == ingest.RunId);
        Assert.Equal(("published", "test"), (Tag(ingestSpan, PipelineTelemetry.OutcomeTag), Tag(ingestSpan, PipelineTelemetry.TriggerTag)));
        // In process, the plan, every partition and the completion are under the run span itself.
        var inIngest = spans.Where(s => s.TraceId == ingestSpan.TraceId).ToList();
        Assert.Contains(inIngest, s => s.DisplayName == PipelineTelemetry.PlanSpan && s.ParentSpanId == ingestSpan.SpanId);
        Assert.Contains(inIngest, s => s.DisplayName == PipelineTelemetry.PartitionSpan && s.ParentSpanId == ingestSpan.SpanId);
        Assert.Contains(inIngest, s => s.DisplayName == PipelineTelemetry.CompleteSpan && s.ParentSpanId == ingestSpan.SpanId);
        var recomputeSpan = Assert.Single(spans, s => s.DisplayName == PipelineTelemetry.RecomputeRunSpan);
        Assert.Equal(recompute.RunId, Tag(recomputeSpan, PipelineTelemetry.RunIdTag));
        Assert.Equal(ingest.RunId, Tag(recomputeSpan, PipelineTelemetry.DerivedFromTag));
        Assert.Equal("published", Tag(recomputeSpan, PipelineTelemetry.OutcomeTag));
        Assert.NotEqual(ingestSpan.TraceId, recomputeSpan.TraceId);
        Assert.Contains(spans, s => s.DisplayName == PipelineTelemetry.GapSpan && s.ParentSpanId == recomputeSpan.SpanId);
        Assert.Contains(spans, s => s.DisplayName == PipelineTelemetry.PublishSpan && s.ParentSpanId == recomputeSpan.SpanId);

        var runs = metrics.Last(m => m.Name == "aienergy.runs").MetricPoints
            .Select(p => (Kind: Tags(p)[PipelineTelemetry.KindTag], Outcome: Tags(p)[PipelineTelemetry.OutcomeTag], Count: p.GetSumLong()))
            .OrderBy(r => r.Kind as string, StringComparer.Ordinal).ToList();
        Assert.Equal([("ingest", "published", 1L), ("recompute", "published", 1L)], runs.Select(r => ((string?)r.Kind, (string?)r.Outcome, r.Count)));
    }

    private static Dictionary<string, object?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }

        return tags;
    }
}
