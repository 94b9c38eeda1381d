using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AiEnergyPipeline.IntegrationTests.Functions.Contract;

/// <summary>What a function answered: status, media type, and the body as JSON (or text).</summary>
internal sealed record ContractAnswer(int Status, string? MediaType, JsonNode? Body)
{
    public static async Task<ContractAnswer> ReadAsync(IActionResult result)
    {
        switch (result)
        {
            case FileStreamResult file:
                using (var reader = new StreamReader(file.FileStream))
                {
                    return FromText(200, file.ContentType, await reader.ReadToEndAsync());
                }

            case FileContentResult bytes:
                return FromText(200, bytes.ContentType, Encoding.UTF8.GetString(bytes.FileContents));
            case RedirectResult:
                return new ContractAnswer(StatusCodes.Status302Found, null, null);
            case JsonResult json:
                return new ContractAnswer(json.StatusCode ?? 200, "application/json", JsonSerializer.SerializeToNode(json.Value, (JsonSerializerOptions?)json.SerializerSettings));
            case ObjectResult value:
                return new ContractAnswer(value.StatusCode ?? 200, value.ContentTypes.FirstOrDefault() ?? "application/json", JsonSerializer.SerializeToNode(value.Value, value.Value?.GetType() ?? typeof(object), JsonSerializerOptions.Web));
            default:
                throw new InvalidOperationException($"an answer of type {result.GetType().Name} is not read here.");
        }
    }

    private static ContractAnswer FromText(int status, string contentType, string text)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return new ContractAnswer(status, mediaType, mediaType.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(text) : JsonValue.Create(text));
    }
}
