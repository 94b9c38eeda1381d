using System.Text;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Vocabulary;
using System.Diagnostics;

namespace AiEnergyPipeline.Tests.Pipeline.FanOut;

public class IngestMessageTests
{
    [Fact]
    public void Parse_ItsOwnJson_ReadsTheSameMessage()
    {
        var message = IngestMessage.ForPartition("20261127T060000Z-ab12cd34", new PartitionKey("eia930_bulk", "2025_h2"));

        var parsed = IngestMessage.Parse(message.ToJson());

        Assert.Equal(message, parsed);
        Assert.Contains("\"plan_id\":\"20261127T060000Z-ab12cd34\"", message.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Base64OfJson_ReadsTheSameMessage()
    {
        var message = IngestMessage.ForCompletion("20261127T060000Z-ab12cd34");

        var parsed = IngestMessage.Parse(Convert.ToBase64String(Encoding.UTF8.GetBytes(message.ToJson())));

        Assert.Equal(message, parsed);
    }

    [Fact]
    public void ForPartition_UnderASpan_CarriesItsW3cContextAsTraceparent()
    {
        using var listener = ListenToPipeline();
        using var run = PipelineTelemetry.Start(PipelineTelemetry.IngestRunSpan)!;
        run.TraceStateString = "aienergy=1";

        var message = IngestMessage.ForPartition("20261127T060000Z-ab12cd34", new PartitionKey("eia930_bulk", "2025_h2"));
        var json = message.ToJson();

        Assert.Equal(run.Id, message.TraceParent);
        Assert.Contains($"\"traceparent\":\"{run.Id}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"tracestate\":\"aienergy=1\"", json, StringComparison.Ordinal);
        Assert.Equal(message, IngestMessage.Parse(json));
    }

    [Fact]
    public void ForCompletion_WithAPartitionsContext_KeepsTheRunsContextNotTheCurrentSpans()
    {
        using var listener = ListenToPipeline();
        using var partition = PipelineTelemetry.Start(PipelineTelemetry.PartitionSpan)!;
        const string RunContext = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        var message = IngestMessage.ForCompletion("20261127T060000Z-ab12cd34", RunContext, null);

        Assert.Equal(RunContext, message.TraceParent);
        Assert.NotEqual(partition.Id, message.TraceParent);
    }

    [Fact]
    public void StartUnder_TheMessagesContext_StartsASpanInTheRunsTraceUnderTheRunSpan()
    {
        using var listener = ListenToPipeline();
        const string RunContext = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var message = IngestMessage.Parse($"{{\"kind\":\"partition\",\"plan_id\":\"p1\",\"source\":\"s\",\"name\":\"n\",\"traceparent\":\"{RunContext}\"}}");

        using var span = PipelineTelemetry.StartUnder(PipelineTelemetry.PartitionSpan, message.TraceParent, message.TraceState)!;

        Assert.Equal("0af7651916cd43dd8448eb211c80319c", span.TraceId.ToHexString());
        Assert.Equal("b7ad6b7169203331", span.ParentSpanId.ToHexString());
    }

    [Fact]
    public void Parse_AMessageWithoutTraceContext_IsStillValid()
    {
        var message = IngestMessage.Parse("{\"kind\":\"complete\",\"plan_id\":\"20261127T060000Z-ab12cd34\"}");

        Assert.Null(message.TraceParent);
        Assert.Null(PipelineTelemetry.ParentOf(message.TraceParent, message.TraceState));
        Assert.Null(PipelineTelemetry.ParentOf("not-a-traceparent", null));
    }

    /// <summary>A listener that records every span of the pipeline's source, so that StartActivity returns one.</summary>
    private static ActivityListener ListenToPipeline()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PipelineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    [Theory]
    [InlineData("not json at all!")]
    [InlineData("{\"kind\":\"partition\",\"plan_id\":\"p1\"}")]
    [InlineData("{\"kind\":\"complete\",\"plan_id\":\"../latest\"}")]
    [InlineData("{\"kind\":\"launch\",\"plan_id\":\"p1\"}")]
    public void Parse_InvalidMessage_ThrowsInvalidIngestMessage(string text)
    {
        Assert.Throws<InvalidIngestMessageException>(() => IngestMessage.Parse(text));
    }
}
