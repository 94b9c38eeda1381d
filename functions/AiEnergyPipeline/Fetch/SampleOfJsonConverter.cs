using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// <c>sample_of</c> in a snapshot.json: an object (<c>dataset</c>, <c>publisher</c>,
/// <c>documentation_url</c>) or, as older snapshots wrote it, the dataset's name alone.
/// </summary>
public sealed class SampleOfJsonConverter : JsonConverter<SampleOf>
{
    public override SampleOf? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new SampleOf(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("sample_of must be the dataset's name or an object with dataset, publisher and documentation_url.");
        }

        string? dataset = null, publisher = null, documentation = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.Null ? null
                : reader.TokenType == JsonTokenType.String ? reader.GetString()
                : throw new JsonException($"sample_of.{name} must be a string.");
            switch (name?.ToLowerInvariant())
            {
                case "dataset": dataset = value; break;
                case "publisher": publisher = value; break;
                case "documentation_url": documentation = value; break;
                default: throw new JsonException($"sample_of has an unknown field '{name}': dataset, publisher and documentation_url are known.");
            }
        }

        return new SampleOf(string.IsNullOrWhiteSpace(dataset) ? throw new JsonException("sample_of has no dataset.") : dataset, publisher, documentation);
    }

    public override void Write(Utf8JsonWriter writer, SampleOf value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("dataset", value.Dataset);
        if (value.Publisher is { } publisher)
        {
            writer.WriteString("publisher", publisher);
        }

        if (value.DocumentationUrl is { } documentation)
        {
            writer.WriteString("documentation_url", documentation);
        }

        writer.WriteEndObject();
    }
}
