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
/// </summary>
public sealed record IngestMessage(IngestMessageKind Kind, string PlanId, string? Source = null, string? Name = null)
{
    public static IngestMessage ForPartition(string planId, PartitionKey partition) => new(IngestMessageKind.Partition, planId, partition.Source, partition.Name);

    public static IngestMessage ForCompletion(string planId) => new(IngestMessageKind.Complete, planId);

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
