using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;

namespace AiEnergyPipeline.IntegrationTests.Fetch;

/// <summary>
/// The body's size limit and deadline in <see cref="WholeBodyRetryHandler"/>, against a real local
/// server: past either the download fails at once, unretried, with a message naming the limit and its setting.
/// </summary>
public class WholeBodyLimitsTests
{
    private static async Task<Exception?> SendAsync(LocalHttpServer server, SourceHttpOptions settings)
    {
        using var invoker = BodyAnswers.Client(settings);
        try
        {
            using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "f.csv")), CancellationToken.None);
            return null;
        }
        catch (HttpRequestException e)
        {
            return e;
        }
    }

    [Fact]
    public async Task SendAsync_ContentLengthOverMaxBodyBytes_FailsBeforeReadingWithoutARetry()
    {
        var settings = new SourceHttpOptions { MaxBodyBytes = 1000, BodyRetries = 2, BodyIdleTimeout = TimeSpan.FromSeconds(5) };
        // 5,000 bytes announced, none sent: only the announced length can fail it with this message,
        // so a handler that read first would stall instead.
        await using var server = await LocalHttpServer.StartAsync(context => Fault.StallBody(0).Respond(context, new byte[5000]));

        var error = await SendAsync(server, settings);

        Assert.Single(server.Requests);
        Assert.Equal("the body is larger than the limit of 1,000 bytes (5,000 announced or arrived; raise Sources:Http:MaxBodyBytes if it is genuine)", error!.Message);
    }

    [Fact]
    public async Task SendAsync_UnannouncedBodyGrowingPastMaxBodyBytes_FailsOnceItIsPastWithoutARetry()
    {
        var settings = new SourceHttpOptions { MaxBodyBytes = 100_000, BodyRetries = 2 };
        // No Content-Length: Kestrel sends it chunked, so only the bytes that arrive can tell.
        await using var server = await LocalHttpServer.StartAsync(context => context.Response.Body.WriteAsync(new byte[300_000]).AsTask());

        var error = await SendAsync(server, settings);

        Assert.Single(server.Requests);
        Assert.StartsWith("the body is larger than the limit of 100,000 bytes (", error!.Message, StringComparison.Ordinal);
        // Stopped by what arrived (at most one 256 KB read past the limit), not by an announced length.
        Assert.DoesNotContain("(300,000 ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TricklingBodyNeverIdle_FailsAtTheDeadlineWithoutARetry()
    {
        var settings = new SourceHttpOptions { BodyIdleTimeout = TimeSpan.FromSeconds(1), BodyDeadline = TimeSpan.FromMilliseconds(400), BodyRetries = 2 };
        await using var server = await LocalHttpServer.StartAsync(context => Fault.Trickle(TimeSpan.FromMilliseconds(20)).Respond(context, "US,2026-01-01T00:00:00Z,1\n"u8.ToArray()));

        var error = await SendAsync(server, settings);

        Assert.Single(server.Requests);
        Assert.Matches(@"^the body took longer than 0\.4 s in all, \d+ bytes arrived; the server sends too slowly \(raise Sources:Http:BodyDeadline if it is genuine\)$", error!.Message);
    }
}
