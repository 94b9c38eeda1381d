using System.Text;
using AiEnergyPipeline.Functions;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace AiEnergyPipeline.IntegrationTests.Functions;

/// <summary>
/// Generated hostile names, run ids, query strings and recompute bodies from a fixed seed,
/// through the function classes with Azurite behind them, after one ingest: every answer is
/// 200, 400 or 404, nothing throws, and nothing new is published.
/// </summary>
public class FunctionsFuzzTests
{
    private const int Seed = 20261128;
    private const int Reads = 2400;
    private const int Bodies = 300;

    /// <summary>Pieces that names, ids and values are made of: traversal, encodings, separators, control and wide characters.</summary>
    private static readonly string[] Pieces =
    [
        "..", "../", "..\\", "%2e%2e%2f", "%2E%2E%5C", "%252e%252e%252f", "/", "\\", "\0", "%00", "latest.json", "runs", "raw",
        "ba_hourly", "gap_by_year", "headline", "csv", "json", "svg", "xlsx", "2026-11-27T06-00-00Z", "é", "😀", "\u202e", "\uFEFF",
        " ", "\t", "\r\n", "?", "#", "&", "=", ";", "*", ":", "|", "<", ">", "\"", "'", "CON", "nul", ".", "~", "-", "_", "A", "z9",
    ];

    private static string Generate(Random random)
    {
        if (random.Next(20) == 0)
        {
            // Very long values: longer than any allowed name or id.
            return new string((char)random.Next('a', 'z' + 1), random.Next(65, 5000));
        }

        var text = new StringBuilder();
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    private static HttpRequest Get(FunctionsHost host, Random random, params string[] parameters)
    {
        var query = new List<KeyValuePair<string, StringValues>>();
        foreach (var parameter in parameters)
        {
            switch (random.Next(4))
            {
                case 0:
                    break;
                case 1:
                    // Given twice: once is the rule.
                    query.Add(new(parameter, new StringValues([Generate(random), Generate(random)])));
                    break;
                default:
                    query.Add(new(parameter, Generate(random)));
                    break;
            }
        }

        var request = host.Get();
        request.Query = new QueryCollection(query.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value));
        return request;
    }

    /// <summary>Bodies that no valid request is made of: broken JSON, wrong shapes, values out of range, too large.</summary>
    private static byte[] InvalidBody(Random random)
    {
        const string Valid = """{"assumptions":{"reserve_margin":0.2},"horizon_year":2030}""";
        string[] badValues = ["null", "true", "\"0.2\"", "-1", "1e400", "[]", "{}", "\"\\u0000\"", "\"..\\/..\\/latest.json\"", "2028.5"];
        switch (random.Next(6))
        {
            case 0:
                var bytes = new byte[random.Next(1, 200)];
                random.NextBytes(bytes);
                bytes[0] = (byte)'x'; // never a JSON value's first byte
                return bytes;
            case 1:
                // Cut off before the closing brace: never complete JSON.
                return Encoding.UTF8.GetBytes(Valid[..random.Next(0, Valid.Length - 1)]);
            case 2:
                return Encoding.UTF8.GetBytes($$$"""{"assumptions":{"reserve_margin":{{{badValues[random.Next(badValues.Length)]}}}}}""");
            case 3:
                return Encoding.UTF8.GetBytes($$$"""{"assumptions":{{{badValues[random.Next(badValues.Length)]}}}}""");
            case 4:
                return Encoding.UTF8.GetBytes(new[] { "[]", "null", "1", "\"x\"", "[{}]", "true" }[random.Next(6)]);
            default:
                return random.Next(10) == 0
                    ? Encoding.UTF8.GetBytes("{\"x\":\"" + new string('a', (1 << 20) + 10) + "\"}")
                    : Encoding.UTF8.GetBytes($$"""{"scenarios":[{"scenario_id":{{EncodeJson(Generate(random))}},"points":[]}],"{{random.Next()}}":1}""");
        }
    }

    private static string EncodeJson(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static int StatusOf(IActionResult result) => result switch
    {
        IStatusCodeActionResult { StatusCode: { } status } => status,
        FileStreamResult => StatusCodes.Status200OK,
        _ => StatusCodes.Status200OK,
    };

    private static async Task<string> PublishedStateAsync(IDatasetStore store)
    {
        var state = new StringBuilder();
        await foreach (var info in store.ListAsync("runs/"))
        {
            state.Append(info.Path).Append(' ').Append(info.ETag).Append('\n');
        }

        return state.Append((await store.GetInfoAsync(RunPublisher.LatestPath))!.ETag).ToString();
    }

    [Fact]
    public async Task Functions_GeneratedHostileRequests_AnswerOnly200Or400Or404AndPublishNothing()
    {
        await using var host = FunctionsHost.Create();
        await host.Function<IngestFunction>().RunAsync(host.Get(), CancellationToken.None);
        var store = host.Services.GetRequiredService<IDatasetStore>();
        var before = await PublishedStateAsync(store);
        var random = new Random(Seed);
        var datasets = host.Function<DatasetsFunction>();
        var runs = host.Function<RunsFunction>();
        var gap = host.Function<GapFunction>();
        var recompute = host.Function<RecomputeFunction>();
        var statuses = new SortedDictionary<int, int>();

        async Task Call(string what, Func<Task<IActionResult>> call)
        {
            IActionResult result;
            try
            {
                result = await call();
            }
            catch (Exception e)
            {
                Assert.Fail($"{what} threw {e.GetType().Name}: {e.Message}");
                throw;
            }

            var status = StatusOf(result);
            Assert.True(status is 200 or 400 or 404, $"{what} answered {status}");
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (result is FileStreamResult file)
            {
                await file.FileStream.DisposeAsync();
            }
        }

        for (var i = 0; i < Reads; i++)
        {
            var name = Generate(random);
            switch (i % 3)
            {
                case 0:
                    var request = Get(host, random, "format", "run");
                    await Call($"datasets/{name}{request.QueryString}", () => datasets.GetAsync(request, name, CancellationToken.None));
                    break;
                case 1:
                    await Call($"runs/{name}", () => runs.GetAsync(host.Get(), name, CancellationToken.None));
                    break;
                default:
                    var gapRequest = Get(host, random, "scenario");
                    await Call($"gap{gapRequest.QueryString}", () => gap.GetAsync(gapRequest, CancellationToken.None));
                    break;
            }
        }

        for (var i = 0; i < Bodies; i++)
        {
            var body = InvalidBody(random);
            var request = host.Get();
            request.Method = "POST";
            request.ContentType = "application/json";
            request.Body = new MemoryStream(body);
            await Call($"recompute body {i}: {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 200)])}", () => recompute.RunAsync(request, CancellationToken.None));
        }

        Assert.Equal(before, await PublishedStateAsync(store));
        // The generator reaches past the first checks: some requests were answered 404, not all 400.
        Assert.True(statuses.GetValueOrDefault(400) > Bodies, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(404) > 0, string.Join(", ", statuses));
    }
}
