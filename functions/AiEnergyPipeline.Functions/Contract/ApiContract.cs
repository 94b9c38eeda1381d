using System.Text.Json;
using System.Text.Json.Nodes;

namespace AiEnergyPipeline.Functions.Contract;

/// <summary>
/// The app's OpenAPI 3.1 document, the one contract of its HTTP API: written by hand as JSON
/// (openapi.json with the components, openapi.paths.json with the paths, embedded in this
/// assembly) and merged once. Tests check it against the code: every HTTP function's route,
/// methods, authorisation level and declared statuses, the validators behind its patterns, and
/// its examples, which the real functions must reproduce.
/// </summary>
public static class ApiContract
{
    private const string ComponentsResource = "AiEnergyPipeline.Functions.Contract.openapi.json";
    private const string PathsResource = "AiEnergyPipeline.Functions.Contract.openapi.paths.json";

    private static readonly Lazy<byte[]> Bytes = new(() => JsonSerializer.SerializeToUtf8Bytes(Build(), new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>The merged document as UTF-8 JSON, as GET /api/openapi.json serves it.</summary>
    public static ReadOnlyMemory<byte> Utf8 => Bytes.Value;

    /// <summary>A fresh copy of the merged document, for callers that read or change it.</summary>
    public static JsonObject Document() => JsonNode.Parse(Bytes.Value)!.AsObject();

    private static JsonObject Build()
    {
        var document = Read(ComponentsResource);
        var components = document["components"];
        // The paths go before the components, where readers of the document expect them.
        document.Remove("components");
        document["paths"] = Read(PathsResource);
        document["components"] = components;
        return document;
    }

    private static JsonObject Read(string resource)
    {
        using var stream = typeof(ApiContract).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded in {typeof(ApiContract).Assembly.GetName().Name}.");
        return JsonNode.Parse(stream)!.AsObject();
    }
}
