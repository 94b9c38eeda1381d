using AiEnergyPipeline.Functions.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AiEnergyPipeline.Functions;

/// <summary>
/// GET /api/openapi.json (anonymous): the OpenAPI 3.1 contract of every route, for people and
/// for client generators (docs/http-api.md).
/// </summary>
public sealed class OpenApiFunction
{
    [Function("GetOpenApi")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "openapi.json")] HttpRequest request) =>
        new FileContentResult(ApiContract.Utf8.ToArray(), "application/json; charset=utf-8");
}
