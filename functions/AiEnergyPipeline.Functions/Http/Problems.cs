using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Mvc;

namespace AiEnergyPipeline.Functions.Http;

/// <summary>RFC 9457 problem details, the one shape of every error the HTTP API returns.</summary>
internal static class Problems
{
    public static ObjectResult BadRequest(string field, string message) =>
        Result(Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest, "Invalid request", message, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>400 listing every invalid field of a body, keyed by its JSON path.</summary>
    public static ObjectResult Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Result(Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest, "Invalid request", $"{errors.Count} invalid field(s): {string.Join(", ", errors.Keys)}.", errors.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    public static ObjectResult NotFound(string message) =>
        Result(Microsoft.AspNetCore.Http.StatusCodes.Status404NotFound, "Not found", message);

    public static ObjectResult Status(int status, string title, string message) =>
        Result(status, title, message);

    private static ObjectResult Result(int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null
            ? new ProblemDetails { Status = status, Title = title, Detail = detail }
            : new ValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail };
        return new ObjectResult(problem) { StatusCode = status, ContentTypes = { "application/problem+json" } };
    }
}
