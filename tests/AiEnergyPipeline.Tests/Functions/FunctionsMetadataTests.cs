using AiEnergyPipeline.Functions.Contract;
using AiEnergyPipeline.TestKit;
using AiEnergyPipeline.Tests.Hosting;
using AiEnergyPipeline.Tests.Infra;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AiEnergyPipeline.Tests.Functions;

/// <summary>
/// What the Functions host will index, from the functions.metadata the Worker SDK generated: every
/// function's trigger, route, methods, authorisation level, queue and connection, and schedule, and
/// every setting a binding names, in local.settings.sample.json and in the infra's app settings;
/// and each HTTP function's route, method and authorisation level against the paths, operations
/// and security of the OpenAPI document that GET /api/openapi.json serves (<see cref="ApiContract"/>).
/// </summary>
public partial class FunctionsMetadataTests
{
    /// <summary>Each function as docs/http-api.md describes it: trigger, then the binding's properties that matter.</summary>
    internal static readonly Dictionary<string, Dictionary<string, string>> Expected = new()
    {
        ["Health"] = Http("get,head", "health", "Anonymous"),
        ["ListDatasets"] = Http("get,head", "datasets", "Anonymous"),
        ["GetDataset"] = Http("get,head", "datasets/{name}", "Anonymous"),
        ["GetGap"] = Http("get,head", "gap", "Anonymous"),
        ["GetRun"] = Http("get,head", "runs/{runId}", "Anonymous"),
        ["GetDashboard"] = Http("get,head", "dashboard", "Anonymous"),
        ["GetRunDashboard"] = Http("get,head", "runs/{runId}/dashboard", "Anonymous"),
        ["GetLatestPage"] = Http("get,head", "index.html", "Anonymous"),
        ["GetRunPage"] = Http("get,head", "runs/{runId}/index.html", "Anonymous"),
        ["GetRunDataFile"] = Http("get,head", "runs/{runId}/data/{*path}", "Anonymous"),
        ["GetRunGapFile"] = Http("get,head", "runs/{runId}/gap/{*path}", "Anonymous"),
        ["GetRunDocument"] = Http("get,head", "runs/{runId}/{document}.json", "Anonymous"),
        ["GetOpenApi"] = Http("get,head", "openapi.json", "Anonymous"),
        ["Ingest"] = Http("post", "ingest", "Function"),
        ["Recompute"] = Http("post", "recompute", "Function"),
        ["IngestAndPublish"] = new() { ["type"] = "timerTrigger", ["schedule"] = "%INGEST_SCHEDULE%" },
        ["Sweep"] = new() { ["type"] = "timerTrigger", ["schedule"] = "%SWEEP_SCHEDULE%" },
        ["IngestPartition"] = new() { ["type"] = "queueTrigger", ["queueName"] = "%INGEST_QUEUE_NAME%", ["connection"] = "IngestQueue" },
    };

    private static Dictionary<string, string> Http(string method, string route, string authLevel) =>
        new() { ["type"] = "httpTrigger", ["methods"] = method, ["route"] = route, ["authLevel"] = authLevel };

    private static string? Text(JsonNode? node) => node switch
    {
        JsonArray array => string.Join(",", array.Select(n => (string?)n)),
        JsonValue value => value.ToString(),
        _ => null,
    };

    public static TheoryData<string> FunctionNames() => [.. Expected.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Metadata_Functions_AreExactlyTheExpectedOnes()
    {
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), FunctionsMetadata.Triggers().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void Metadata_Trigger_HasTheExpectedBinding(string function)
    {
        var trigger = FunctionsMetadata.Triggers()[function];

        var actual = Expected[function].Keys.ToDictionary(k => k, k => Text(trigger[k]));

        Assert.Equal(Expected[function].Select(p => (p.Key, (string?)p.Value)), actual.Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void Metadata_SettingsTheBindingsName_AreInTheSampleAndTheInfra()
    {
        var sample = SettingsSample.Values();
        var deployed = BicepAppSettings.Names();
        var triggers = FunctionsMetadata.Triggers().Values.ToList();

        var named = triggers.SelectMany(t => t.Select(p => Text(p.Value) ?? "")).SelectMany(v => Percent().Matches(v).Select(m => m.Groups[1].Value)).Distinct().ToList();
        var connections = triggers.Select(t => Text(t["connection"])).OfType<string>().Distinct().ToList();

        Assert.Equal(["INGEST_QUEUE_NAME", "INGEST_SCHEDULE", "SWEEP_SCHEDULE"], named.Order(StringComparer.Ordinal));
        Assert.All(named, setting =>
        {
            Assert.False(string.IsNullOrWhiteSpace(sample.GetValueOrDefault(setting)), $"{setting} is not set in local.settings.sample.json");
            Assert.Contains(setting, deployed);
        });
        // A connection is the setting itself (a connection string) or its section (identity: __QueueServiceUri and the like).
        Assert.All(connections, connection =>
        {
            Assert.Contains(sample.Keys, k => k == connection || k.StartsWith(connection + "__", StringComparison.Ordinal));
            Assert.Contains(deployed, k => k == connection || k.StartsWith(connection + "__", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Metadata_HttpRoutes_AreDocumentedInHttpApi()
    {
        var docs = File.ReadAllText(Path.Combine(Repository.Root, "docs", "http-api.md"));

        var undocumented = FunctionsMetadata.Triggers()
            .Where(f => (string?)f.Value["type"] == "httpTrigger")
            .Where(f => !docs.Contains($"| `{f.Key}` | `{Text(f.Value["methods"])!.Replace(",", ", ", StringComparison.Ordinal).ToUpperInvariant()} /api/{Text(f.Value["route"])}", StringComparison.Ordinal))
            .Select(f => f.Key)
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public void Metadata_TimerSchedules_DeployedByDefault_AreSixFieldNcrontab()
    {
        var app = Assert.Single(ArmTemplate.Resources(), r => r.Type == "Microsoft.Web/sites");
        var settings = app.Property("properties.siteConfig.appSettings")!.AsArray();

        var schedules = FunctionsMetadata.Triggers().Values
            .Where(t => (string?)t["type"] == "timerTrigger")
            .Select(t => Percent().Match(Text(t["schedule"])!).Groups[1].Value)
            .ToDictionary(setting => setting, setting => (string?)ArmTemplate.Resolve(settings.Single(s => (string?)s!["name"] == setting)!["value"], app.Scope).Value);

        // The host refuses to index a timer whose schedule does not parse: the app would start without it.
        Assert.Equal(["INGEST_SCHEDULE", "SWEEP_SCHEDULE"], schedules.Keys.Order(StringComparer.Ordinal));
        Assert.All(schedules, s => Assert.NotNull(NCrontab.CrontabSchedule.TryParse(s.Value ?? "", new NCrontab.CrontabSchedule.ParseOptions { IncludingSeconds = true })));
    }

    [Fact]
    public void Metadata_HttpFunctions_AreTheOperationsOfTheOpenApiDocument()
    {
        const string keyed = """[{"functionKeyHeader":[]},{"functionKeyQuery":[]}]""";
        var paths = ApiContract.Document()["paths"]!.AsObject();

        // Each function as the host will route it: name, path, method, and the security its authorisation level needs.
        // HEAD is GET without the body (RFC 9110): the document lists the GET and says so once, in its description.
        var indexed = FunctionsMetadata.Triggers()
            .Where(f => (string?)f.Value["type"] == "httpTrigger")
            .Select(f => (Name: f.Key, Path: "/" + Text(f.Value["route"])!.Replace("{*", "{", StringComparison.Ordinal), Method: Text(f.Value["methods"])! switch { "get,head" => "get", var m => m }, Security: Text(f.Value["authLevel"]) == "Anonymous" ? "[]" : keyed))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        var documented = paths
            .SelectMany(p => p.Value!.AsObject().Select(o => (Name: (string)o.Value!["operationId"]!, Path: p.Key, Method: o.Key, Security: o.Value!["security"]?.ToJsonString() ?? "(none)")))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(indexed, documented);
    }

    [Fact]
    public void OpenApiDocument_FunctionKeySchemes_AreTheHostsHeaderAndQueryParameter()
    {
        var schemes = ApiContract.Document()["components"]!["securitySchemes"]!;

        Assert.Equal("""{"type":"apiKey","in":"header","name":"x-functions-key"}""", Scheme(schemes["functionKeyHeader"]!));
        Assert.Equal("""{"type":"apiKey","in":"query","name":"code"}""", Scheme(schemes["functionKeyQuery"]!));
    }

    [Fact]
    public void OpenApiDocument_Server_IsTheRoutePrefixOfHostJson()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "functions", "AiEnergyPipeline.Functions", "host.json")))!;

        var server = (string?)ApiContract.Document()["servers"]![0]!["url"];

        Assert.Equal("/" + (string?)hostJson["extensions"]!["http"]!["routePrefix"], server);
    }

    private static string Scheme(JsonNode scheme) =>
        new JsonObject { ["type"] = (string?)scheme["type"], ["in"] = (string?)scheme["in"], ["name"] = (string?)scheme["name"] }.ToJsonString();

    [Fact]
    public void QueueTrigger_MaxDequeueCount_IsTheSameInHostJsonTheSampleAndTheInfra()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "functions", "AiEnergyPipeline.Functions", "host.json")))!;
        var app = Assert.Single(ArmTemplate.Resources(), r => r.Type == "Microsoft.Web/sites");
        var deployed = app.Property("properties.siteConfig.appSettings")!.AsArray().Single(s => (string?)s!["name"] == "Ingest__MaxDequeueCount")!["value"];

        var fromHost = Text(hostJson["extensions"]!["queues"]!["maxDequeueCount"]);

        Assert.Equal(fromHost, SettingsSample.Values()["Ingest__MaxDequeueCount"]);
        Assert.Equal(fromHost, (string?)deployed);
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Percent();
}
