using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Publish;
using System.Text;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.Faults;

/// <summary>
/// The EIA API key and the storage account key, after live runs that the API answers with its
/// request echo (key included) and with error pages that repeat the key: not one published byte,
/// log line or HTTP answer holds either.
/// </summary>
public class SecretsTests
{
    private const string Key = "SeCrEtKey-7d1f0c9a5b3e4f21";

    /// <param name="setting">Where the key is set: either setting the app reads it from.</param>
    [Theory]
    [InlineData("EIA_API_KEY")]
    [InlineData("Sources:Eia930Api:ApiKey")]
    public async Task RunAndPostIngest_ApiEchoesTheKeyInPagesAndErrors_NoBlobLogOrAnswerHoldsAnyKey(string setting)
    {
        await using var server = await FaultServer.StartAsync();
        var run = new FaultRun(server, Azurite.NewContainer());
        var withKey = new Dictionary<string, string?> { ["EIA_API_KEY"] = "", ["Sources:Eia930Api:ApiKey"] = "" };
        withKey[setting] = Key;
        foreach (var page in new[] { "eia930/api/region-data.offset-0.json", SourceFaultTests.ApiPage, "eia930/api/region-data.offset-500.json" })
        {
            server.Script(page, Fault.EchoKey);
        }

        var good = await run.RunAsync(withKey);
        Assert.True(good.Status == RunStatus.Published, good.Message);
        // The pages came back with the key in them: the redaction had something to do.
        Assert.All(server.RequestsFor(SourceFaultTests.ApiPage), r => Assert.Contains("api_key=" + Key, r.PathAndQuery, StringComparison.Ordinal));

        server.Script(SourceFaultTests.ApiPage, Fault.StatusEchoingKey(403));
        var (forbidden, forbiddenBody) = await run.PostIngestAsync(withKey);
        server.Script(SourceFaultTests.ApiPage, Fault.StatusEchoingKey(500));
        var failedAfterRetries = await run.RunAsync(withKey);
        server.Script(SourceFaultTests.ApiPage, Fault.Changed("200 with an error echoing the key", _ => Encoding.UTF8.GetBytes($"{{\"error\":\"invalid api_key={Key}\"}}")));
        var errorInBody = await run.RunAsync(withKey);

        Assert.Equal(502, forbidden);
        Assert.Contains("eia930_api: ", forbiddenBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("HTTP 403", forbiddenBody.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((RunStatus.Failed, RunStatus.Failed), (failedAfterRetries.Status, errorInBody.Status));
        Assert.Contains("API_KEY_INVALID: the key REDACTED", failedAfterRetries.Message, StringComparison.Ordinal);
        Assert.Contains("invalid api_key=REDACTED", errorInBody.Message, StringComparison.Ordinal);

        Assert.Contains("eia930_api: ", run.Logs.All, StringComparison.Ordinal);
        var blobs = await run.ReadAllAsync();
        Assert.Contains(blobs, b => b.Path.StartsWith("raw/eia930_api/", StringComparison.Ordinal));
        Assert.Contains(blobs, b => b.Path.EndsWith("/report.json", StringComparison.Ordinal));
        Assert.Contains(blobs, b => b.Path.EndsWith("/datapackage.json", StringComparison.Ordinal));
        Assert.Contains(blobs, b => b.Path == RunPublisher.LatestPath);
        var accountKey = AccountKeyOf(Azurite.ConnectionString);
        foreach (var secret in new[] { Key, Uri.EscapeDataString(Key), accountKey })
        {
            var bytes = Encoding.UTF8.GetBytes(secret);
            Assert.All(blobs, b => Assert.True(b.Bytes.AsSpan().IndexOf(bytes) < 0, $"{b.Path} holds a secret"));
            Assert.DoesNotContain(secret, run.Logs.All, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, forbiddenBody.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, failedAfterRetries.Message + errorInBody.Message, StringComparison.Ordinal);
        }
    }

    private static string AccountKeyOf(string connection) =>
        connection.Split(';').Select(p => p.Split('=', 2)).Single(p => p[0] == "AccountKey")[1];
}
