using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AiEnergyPipeline.IntegrationTests.Functions.Contract;

/// <summary>What a function answered: status, media type, and the body as JSON (or text).</summary>
internal sealed record ContractAnswer(int Status, string? MediaType, JsonNode? Body)
{
    /// <param name="context">The request's context: a file is written to its response by ASP.NET Core's own executor, which answers conditional requests.</param>
    public static async Task<ContractAnswer> ReadAsync(IActionResult result, HttpContext context)
    {
        switch (result)
        {
            case FileStreamResult file:
                return await ExecuteAsync(context, action => new FileStreamResultExecutor(NullLoggerFactory.Instance).ExecuteAsync(action, file));
            case FileContentResult bytes:
                return await ExecuteAsync(context, action => new FileContentResultExecutor(NullLoggerFactory.Instance).ExecuteAsync(action, bytes));
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

    private static async Task<ContractAnswer> ExecuteAsync(HttpContext context, Func<ActionContext, Task> execute)
    {
        using var body = new MemoryStream();
        context.Response.Body = body;
        await execute(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        // No body (304): no media type either.
        return body.Length == 0
            ? new ContractAnswer(context.Response.StatusCode, null, null)
            : FromText(context.Response.StatusCode, context.Response.ContentType!, Encoding.UTF8.GetString(body.ToArray()));
    }

    private static ContractAnswer FromText(int status, string contentType, string text)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return new ContractAnswer(status, mediaType, mediaType.EndsWith("json", StringComparison.Ordinal) ? JsonNode.Parse(text) : JsonValue.Create(text));
    }
}
