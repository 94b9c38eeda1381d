using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using AiEnergyPipeline.Functions;
using AiEnergyPipeline.Functions.Contract;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Functions.Contract;

/// <summary>
/// The examples of GET /api/openapi.json, played to the real functions over Azurite: each example
/// with an <c>x-request</c> (and its <c>x-request-headers</c>) is answered with its status, media
/// type and body, in the store state its <c>x-given</c> names (an example is a subset of the
/// answer: "..." in a text stands for any text; <c>errors</c> are exact); the documented recompute
/// body is accepted; and every status an HTTP function declares has such an example, so that each
/// declared status is produced here.
/// </summary>
public class ApiContractExamplesTests(PublishedSampleStore published) : IClassFixture<PublishedSampleStore>
{
    /// <summary>Declared statuses no example plays, and why.</summary>
    private static readonly Dictionary<(string Function, int Status), string> NotPlayed = new()
    {
        // A valid request over a whole run computes finite outputs by construction (docs/recompute.md);
        // 500 is left for a publish that the store refuses midway, which no request can cause.
        [("Recompute", 500)] = "a gap or publish failure after validation",
    };

    public static TheoryData<string, int, string, string> Examples()
    {
        var data = new TheoryData<string, int, string, string>();
        foreach (var (operationId, status, mediaType, name, _) in DocumentedExamples())
        {
            data.Add(operationId, status, mediaType, name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_ItsRequestInItsState_IsAnsweredAsDocumented(string operationId, int status, string mediaType, string name)
    {
        // The sample's run id changes with its inputs and the model version: the examples' id stands for it.
        var documented = DocumentedExamples().Single(e => (e.OperationId, e.Status, e.MediaType, e.Name) == (operationId, status, mediaType, name)).Example;
        var example = JsonNode.Parse(documented.ToJsonString().Replace(PublishedSampleStore.DocumentedRunId, published.RunId, StringComparison.Ordinal))!.AsObject();
        var request = ContractRequest.Parse((string)example["x-request"]!, example["x-request-headers"]?.AsObject().ToDictionary(h => h.Key, h => (string)h.Value!));

        await using var host = await GivenAsync((string?)example["x-given"] ?? "published", request.Method != "GET");
        var answer = await request.SendAsync(host.Services);

        Assert.Equal(status, answer.Status);
        Assert.Equal(mediaType == "" ? null : mediaType, answer.MediaType);
        if (example["value"] is { } value)
        {
            AssertSubset(value, answer.Body, "$");
        }
    }

    [Fact]
    public async Task RecomputeRequestExample_TheDocumentedBody_IsAcceptedAndPublishes()
    {
        var body = ApiContract.Document()["paths"]!["/recompute"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!["overrides"]!["value"]!;

        await using var host = await GivenAsync("published", fresh: true);
        var answer = await new ContractRequest("POST", "/recompute", "", body.ToJsonString()).SendAsync(host.Services);

        Assert.Equal(200, answer.Status);
        Assert.Equal("published", (string?)answer.Body!["status"]);
        Assert.Contains("my_case", answer.Body["headline"]!.AsArray().Select(h => (string?)h!["scenario_id"]));
    }

    [Fact]
    public void Examples_EveryStatusAnHttpFunctionDeclares_HasOneThatIsPlayed()
    {
        var declared = typeof(AppHost).Assembly.GetTypes().SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(m => m.GetCustomAttributes<ProducesResponseTypeAttribute>().Select(a => (m.GetCustomAttribute<FunctionAttribute>()!.Name, a.StatusCode)))
            .Where(d => !NotPlayed.ContainsKey(d))
            .Select(d => $"{d.Name} {d.StatusCode}")
            .Order(StringComparer.Ordinal);

        var played = DocumentedExamples().Select(e => $"{e.OperationId} {e.Status}").Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(declared, played);
    }

    /// <summary>Every example with an x-request: on a media type of a response, or on a response without content (a redirect).</summary>
    private static IEnumerable<(string OperationId, int Status, string MediaType, string Name, JsonObject Example)> DocumentedExamples()
    {
        foreach (var (_, item) in ApiContract.Document()["paths"]!.AsObject())
        {
            foreach (var (_, operation) in item!.AsObject())
            {
                var operationId = (string)operation!["operationId"]!;
                foreach (var (code, response) in operation["responses"]!.AsObject())
                {
                    var status = int.Parse(code, CultureInfo.InvariantCulture);
                    if (response!["x-request"] is not null)
                    {
                        yield return (operationId, status, "", "response", response.AsObject());
                    }

                    foreach (var (mediaType, content) in response["content"]?.AsObject() ?? [])
                    {
                        foreach (var (name, example) in content!["examples"]?.AsObject() ?? [])
                        {
                            if (example!["x-request"] is not null)
                            {
                                yield return (operationId, status, mediaType, name, example.AsObject());
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>A store in the state an example names; a request that writes gets a store of its own.</summary>
    private async Task<FunctionsHost> GivenAsync(string given, bool fresh)
    {
        switch (given)
        {
            case "published" when !fresh:
                return FunctionsHost.Create(container: published.Container);
            case "published":
                var host = FunctionsHost.Create();
                await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);
                // Later than the ingest it derives from, as in use.
                host.Time.Advance(TimeSpan.FromMinutes(5));
                return host;
            case "nothing-published":
                return FunctionsHost.Create();
            case "latest-damaged":
                var damaged = FunctionsHost.Create();
                await damaged.Services.GetRequiredService<IDatasetStore>().WriteAsync(RunPublisher.LatestPath, new MemoryStream("[1,2]"u8.ToArray()), WriteCondition.None);
                return damaged;
            case "store-down":
                return FunctionsHost.Create(extra: new Dictionary<string, string?> { ["PublishedStorage:ConnectionString"] = ClosedPort.BlobConnectionString(), ["PublishedStorage:MaxRetries"] = "0" });
            case "queue-fan-out":
                return FunctionsHost.Create(extra: new Dictionary<string, string?> { ["Ingest:FanOut"] = "Queue", ["IngestQueue"] = AzuriteQueues.ConnectionString, ["INGEST_QUEUE_NAME"] = AzuriteQueues.NewQueueName() });
            case "ingest-fails":
                // The bundled snapshot without one of EIA-930's half-years: that partition, and so the run, fails.
                var snapshot = TestPaths.CopyOfSnapshot();
                File.Delete(Path.Combine(snapshot, TestPaths.BulkSnapshotFile));
                return FunctionsHost.Create(snapshot);
            default:
                throw new InvalidOperationException($"x-given '{given}' is not a state these tests make.");
        }
    }

    private static void AssertSubset(JsonNode expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject members:
                var actualObject = Assert.IsType<JsonObject>(actual);
                if (path.EndsWith(".errors", StringComparison.Ordinal))
                {
                    Assert.Equal(members.Select(m => m.Key).Order(StringComparer.Ordinal), actualObject.Select(m => m.Key).Order(StringComparer.Ordinal));
                }

                foreach (var (key, value) in members)
                {
                    Assert.True(actualObject.ContainsKey(key), $"{path}.{key} is missing from {actual!.ToJsonString()}");
                    AssertSubset(value!, actualObject[key], $"{path}.{key}");
                }

                break;
            case JsonArray items:
                var actualItems = Assert.IsType<JsonArray>(actual);
                Assert.True(items.Count == actualItems.Count, $"{path}: {items.Count} items documented, {actualItems.ToJsonString()} answered");
                for (var i = 0; i < items.Count; i++)
                {
                    AssertSubset(items[i]!, actualItems[i], $"{path}[{i}]");
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("...", StringComparison.Ordinal):
                // "..." stands for text left out: a temporary folder, a port, an id made from them.
                var abridged = "^" + string.Join(".*", text.Split("...").Select(System.Text.RegularExpressions.Regex.Escape)) + "$";
                Assert.True(actual?.GetValueKind() == System.Text.Json.JsonValueKind.String && System.Text.RegularExpressions.Regex.IsMatch(actual.GetValue<string>(), abridged, System.Text.RegularExpressions.RegexOptions.Singleline), $"{path}: documented '{text}', answered {actual?.ToJsonString()}");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: documented {expected.ToJsonString()}, answered {actual?.ToJsonString()}");
                break;
        }
    }
}
