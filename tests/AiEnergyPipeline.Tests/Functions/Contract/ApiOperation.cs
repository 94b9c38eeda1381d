namespace AiEnergyPipeline.Tests.Functions.Contract;

/// <summary>
/// An HTTP function as its code declares it: the [Function] name, the HttpTrigger's method, route
/// (as an OpenAPI path: a catch-all {*path} is the parameter {path}) and authorisation level, and
/// the statuses its [ProducesResponseType] attributes declare.
/// </summary>
internal sealed record ApiOperation(string Name, string Method, string Route, bool NeedsKey, IReadOnlyList<int> DeclaredStatuses)
{
    public string Path => "/" + Route.Replace("{*", "{", StringComparison.Ordinal);
}
