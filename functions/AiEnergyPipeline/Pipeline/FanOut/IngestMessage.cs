using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>
/// One message of a fanned-out run. It names the plan and the partition only: everything else
/// (the plan itself, what is done) is read from the dataset store, so any instance can take it.
/// It also carries the run span's W3C trace context (<paramref name="TraceParent"/>,
/// <paramref name="TraceState"/>): the instance that takes it starts its span under the run's, so
/// that a run fanned out over several instances is one trace. Messages without it (enqueued by an
/// older version) are processed all the same, in a trace of their own.
/// </summary>
public sealed record IngestMessage(IngestMessageKind Kind, string PlanId, string? Source = null, string? Name = null,
    [property: JsonPropertyName("traceparent")] string? TraceParent = null,
    [property: JsonPropertyName("tracestate")] string? TraceState = null)
{
    /// <summary>A partition's message, under the span current here (the run's).</summary>
    public static IngestMessage ForPartition(string planId, PartitionKey partition)
    {
        var (traceParent, traceState) = PipelineTelemetry.CurrentContext();
        return new(IngestMessageKind.Partition, planId, partition.Source, partition.Name, traceParent, traceState);
    }

    /// <summary>The completion's message, under the run span named by <paramref name="traceParent"/> (a partition message's), else under the span current here.</summary>
    public static IngestMessage ForCompletion(string planId, string? traceParent = null, string? traceState = null)
    {
        var (currentParent, currentState) = PipelineTelemetry.CurrentContext();
        return traceParent is null
            ? new(IngestMessageKind.Complete, planId, TraceParent: currentParent, TraceState: currentState)
            : new(IngestMessageKind.Complete, planId, TraceParent: traceParent, TraceState: traceState);
    }

    [JsonIgnore]
    public PartitionKey? Partition => Source is not null && Name is not null ? new PartitionKey(Source, Name) : null;

    private static readonly JsonSerializerOptions Compact = new(PublishedJson.Options) { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Compact);

    /// <summary>
    /// Reads a message's text. The Functions host decodes base64 before the function sees it, but
    /// a raw body may still arrive base64-encoded (a binding or tool that does not decode): both are accepted.
    /// </summary>
    public static IngestMessage Parse(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('{'))
        {
            try
            {
                trimmed = Encoding.UTF8.GetString(Convert.FromBase64String(trimmed));
            }
            catch (FormatException)
            {
                throw new InvalidIngestMessageException($"The ingest queue message is neither JSON nor base64 JSON: '{Excerpt(text)}'.");
            }
        }

        IngestMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<IngestMessage>(trimmed, PublishedJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidIngestMessageException($"The ingest queue message is not valid JSON: {e.Message}");
        }

        if (message is null || !Storage.StorePath.IsValid(message.PlanId) || (message.Kind == IngestMessageKind.Partition && message.Partition is null))
        {
            throw new InvalidIngestMessageException($"The ingest queue message lacks a valid plan id or partition: '{Excerpt(text)}'.");
        }

        return message;
    }

    private static string Excerpt(string text) => text.Length > 120 ? text[..120] + "..." : text;
}
