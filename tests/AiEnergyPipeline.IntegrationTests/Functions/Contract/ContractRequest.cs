using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AiEnergyPipeline.Functions;
using AiEnergyPipeline.Functions.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace AiEnergyPipeline.IntegrationTests.Functions.Contract;

/// <summary>
/// A documented example's request (<c>x-request</c>: "GET /datasets/ba_hourly?format=xml", or
/// "POST /recompute {json}"), matched to its path in the OpenAPI document and played to the
/// function class that declares that operation ([Function] name = operationId): the path's
/// parameters bound by name, as the worker binds them; the function's answer read back as the
/// status, media type and body the host would send.
/// </summary>
internal sealed record ContractRequest(string Method, string Path, string Query, string? Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ContractRequest Parse(string text, IReadOnlyDictionary<string, string>? headers = null)
    {
        var parts = text.Split(' ', 3);
        var target = parts[1].Split('?', 2);
        return new ContractRequest(parts[0], target[0], target.Length > 1 ? "?" + target[1] : "", parts.Length > 2 ? parts[2] : null, headers);
    }

    /// <summary>The answer of the operation the document routes this request to.</summary>
    public async Task<ContractAnswer> SendAsync(IServiceProvider services)
    {
        var (operationId, values) = Route();
        var method = typeof(AppHost).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == operationId);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = Method;
        context.Request.QueryString = new QueryString(Query);
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(Body ?? ""));
        context.Request.ContentType = "application/json";
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(HttpRequest) ? context.Request
            : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : (object?)values[p.Name!]).ToArray();
        var instance = method.IsStatic ? null : Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        var returned = method.Invoke(instance, arguments);
        var result = returned is Task<IActionResult> task ? await task : (IActionResult)returned!;
        return await ContractAnswer.ReadAsync(result, context);
    }

    /// <summary>The operation whose path template matches, and the path's values by parameter name.</summary>
    private (string OperationId, Dictionary<string, string> Values) Route()
    {
        var paths = ApiContract.Document()["paths"]!.AsObject();
        foreach (var (template, item) in paths)
        {
            if (item![Method.ToLowerInvariant()] is not { } operation)
            {
                continue;
            }

            // {name} is one segment; the last parameter of a catch-all route ({path}) takes the rest.
            var names = new List<string>();
            var pattern = System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Escape(template), @"\\\{(\w+)}", m =>
            {
                names.Add(m.Groups[1].Value);
                return m.Groups[1].Value == "path" ? "(.+)" : "([^/]+?)";
            });
            var match = System.Text.RegularExpressions.Regex.Match(Path, "^" + pattern + "$");
            if (match.Success)
            {
                return ((string)operation["operationId"]!, names.Select((n, i) => (n, match.Groups[i + 1].Value)).ToDictionary(p => p.n, p => p.Value));
            }
        }

        throw new InvalidOperationException($"{Method} {Path} matches no path of the document.");
    }
}
