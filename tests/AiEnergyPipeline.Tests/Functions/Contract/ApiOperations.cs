using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using System.Reflection;

namespace AiEnergyPipeline.Tests.Functions.Contract;

/// <summary>Every HTTP function of the app, found by reflection over the [Function] methods with an HttpTrigger parameter.</summary>
internal static class ApiOperations
{
    public static IReadOnlyList<ApiOperation> All() =>
    [
        .. AppHostTests.FunctionClasses()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(m => m.Function is not null && m.Trigger is not null)
            .Select(m => new ApiOperation(
                m.Function!.Name,
                DocumentedMethod(m.Trigger!.Methods!),
                m.Trigger.Route!,
                m.Trigger.AuthLevel != AuthorizationLevel.Anonymous,
                [.. m.Method.GetCustomAttributes<ProducesResponseTypeAttribute>().Select(a => a.StatusCode).Order()]))
            .OrderBy(o => o.Name, StringComparer.Ordinal),
    ];

    /// <summary>The one method the OpenAPI document lists: a read's HEAD is its GET without the body (RFC 9110), said once in the document's description.</summary>
    private static string DocumentedMethod(string[] methods) =>
        methods.Select(m => m.ToLowerInvariant()).ToArray() switch
        {
            ["get", "head"] => "get",
            [var single] => single,
            var other => throw new Xunit.Sdk.XunitException($"methods {string.Join(",", other)}: one, or get and head"),
        };
}
