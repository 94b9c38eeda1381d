using AiEnergyPipeline.TestKit;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Tests.Infra;

/// <summary>One template of the compiled deployment: the parameters its parent passed it, and that parent.</summary>
public sealed record ArmScope(JsonObject Template, JsonObject? PassedParameters, ArmScope? Parent);

/// <summary>A resource and the (nested) template that declares it.</summary>
public sealed record ArmResource(JsonObject Resource, ArmScope Scope)
{
    public string Type => (string)Resource["type"]!;

    public JsonNode? Property(string path) => path.Split('.').Aggregate<string, JsonNode?>(Resource, (node, part) => node?[part]);
}

/// <summary>
/// The ARM JSON that <c>bicep build infra/main.bicep</c> produces. ./test.sh builds it with
/// infra/validate.sh and passes its path in AIENERGY_INFRA_TEMPLATE; without that the test builds it
/// with the Bicep CLI that infra/tools/bicep.csproj restores, and fails if that CLI is missing.
/// </summary>
public static partial class ArmTemplate
{
    public const string BicepVersion = "0.49.2";

    private static readonly Lazy<JsonObject> Compiled = new(Load);

    public static JsonObject Root => Compiled.Value;

    /// <summary>Every resource of the deployment, nested deployments' templates included.</summary>
    public static IReadOnlyList<ArmResource> Resources() => [.. ResourcesOf(new ArmScope(Root, null, null))];

    private static IEnumerable<ArmResource> ResourcesOf(ArmScope scope)
    {
        // Bicep emits an array, or an object keyed by symbolic name for newer language versions.
        var resources = scope.Template["resources"] switch
        {
            JsonArray array => array.Select(n => n!.AsObject()),
            JsonObject map => map.Select(p => p.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources)
        {
            var found = new ArmResource(resource, scope);
            yield return found;
            if (found.Type == "Microsoft.Resources/deployments" && found.Property("properties.template") is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(new ArmScope(nested, found.Property("properties.parameters") as JsonObject, scope)))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>
    /// Follows a value that is exactly <c>[parameters('x')]</c> up through the module chain to what it
    /// is given, or to the parameter's default when nothing is given; returns the parameter declaration
    /// the chain ends at (null when the value does not come from a parameter).
    /// </summary>
    public static (JsonNode? Value, JsonObject? Declaration) Resolve(JsonNode? value, ArmScope scope)
    {
        JsonObject? declaration = null;
        while (value is JsonValue v && v.TryGetValue<string>(out var text) && ParameterReference().Match(text) is { Success: true } match)
        {
            var name = match.Groups[1].Value;
            declaration = scope.Template["parameters"]?[name] as JsonObject
                ?? throw new InvalidOperationException($"parameter '{name}' is not declared");
            if (scope.PassedParameters?[name] is JsonObject passed && scope.Parent is not null)
            {
                value = passed["value"];
                scope = scope.Parent;
            }
            else
            {
                return (declaration["defaultValue"], declaration);
            }
        }

        return (value, declaration);
    }

    private static JsonObject Load()
    {
        var given = Environment.GetEnvironmentVariable("AIENERGY_INFRA_TEMPLATE");
        if (!string.IsNullOrEmpty(given))
        {
            return Parse(File.ReadAllText(given), given);
        }

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p
            ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var bicep = Path.Combine(packages, "azure.bicep.commandline.linux-x64", BicepVersion, "tools", "bicep");
        if (!File.Exists(bicep))
        {
            throw new InvalidOperationException($"The Bicep CLI is not at {bicep}: run ./test.sh (or infra/validate.sh), which restores it from NuGet through infra/tools/bicep.csproj.");
        }

        var start = new ProcessStartInfo(bicep, ["build", Path.Combine(Repository.Root, "infra", "main.bicep"), "--stdout"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {bicep}");
        var errors = process.StandardError.ReadToEndAsync();
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({process.ExitCode}): {errors.Result}");
        }

        return Parse(json, bicep);
    }

    private static JsonObject Parse(string json, string origin) =>
        JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException($"{origin}: not a JSON object");

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex ParameterReference();
}
