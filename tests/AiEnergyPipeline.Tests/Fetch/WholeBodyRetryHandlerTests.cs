using AiEnergyPipeline.Fetch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using System.Net;
using System.Net.Http.Headers;

namespace AiEnergyPipeline.Tests.Fetch;

public class WholeBodyRetryHandlerTests
{
    private static readonly byte[] Body = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();

    /// <summary>Answers each request with the next response of a script, and counts them.</summary>
    private sealed class ScriptedHandler(params Func<HttpResponseMessage>[] responses) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(responses[Math.Min(Calls++, responses.Length - 1)]());
    }

    /// <summary>Sends some bytes, then waits for more that never come.</summary>
    private sealed class StallingStream(int bytes) : MemoryStream(Body, 0, bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }

    private static HttpResponseMessage Ok(Stream content, long? length = null)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(content) };
        response.Content.Headers.ContentLength = length ?? Body.Length;
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        response.Content.Headers.LastModified = new DateTimeOffset(2026, 1, 6, 10, 0, 0, TimeSpan.Zero);
        return response;
    }

    private static async Task<(HttpResponseMessage? Response, Exception? Error, ScriptedHandler Inner)> SendAsync(int bodyRetries, params Func<HttpResponseMessage>[] responses) =>
        await SendAsync(bodyRetries, null, responses);

    private static async Task<(HttpResponseMessage? Response, Exception? Error, ScriptedHandler Inner)> SendAsync(int bodyRetries, BodyDestination? destination, params Func<HttpResponseMessage>[] responses)
    {
        var inner = new ScriptedHandler(responses);
        var options = Options.Create(new SourceHttpOptions { BodyRetries = bodyRetries, RetryDelay = TimeSpan.FromMilliseconds(1), BodyIdleTimeout = TimeSpan.FromMilliseconds(100) });
        using var invoker = new HttpMessageInvoker(new WholeBodyRetryHandler(options, TimeProvider.System, NullLogger<WholeBodyRetryHandler>.Instance) { InnerHandler = inner });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/f.csv");
        if (destination is not null)
        {
            request.Options.Set(BodyDestination.Key, destination);
        }

        try
        {
            return (await invoker.SendAsync(request, CancellationToken.None), null, inner);
        }
        catch (HttpRequestException e)
        {
            return (null, e, inner);
        }
    }

    [Fact]
    public async Task SendAsync_BodyShorterThanContentLength_RequestsAgainAndReturnsTheWholeBodyWithItsHeaders()
    {
        var (response, _, inner) = await SendAsync(2, () => Ok(new MemoryStream(Body, 0, 1000)), () => Ok(new MemoryStream(Body)));

        Assert.Equal(2, inner.Calls);
        Assert.Equal(Body, await response!.Content.ReadAsByteArrayAsync());
        Assert.Equal(("text/csv", (long?)Body.Length), (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentLength));
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 10, 0, 0, TimeSpan.Zero), response.Content.Headers.LastModified);
    }

    [Fact]
    public async Task SendAsync_WithADestinationAndACutOffFirstBody_LeavesTheWholeBodyThereOnceWithItsSha256()
    {
        var folder = Path.Combine(Path.GetTempPath(), "aienergy-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var destination = new BodyDestination(Path.Combine(folder, "download.csv"));

            var (response, _, inner) = await SendAsync(2, destination, () => Ok(new MemoryStream(Body, 0, 1000)), () => Ok(new MemoryStream(Body)));
            var served = await response!.Content.ReadAsByteArrayAsync();
            response.Dispose();

            Assert.Equal(2, inner.Calls);
            Assert.True(destination.IsComplete);
            Assert.Equal((Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Body)), (long)Body.Length), (destination.Sha256, destination.Bytes));
            // The retry started the file again: it holds the body once, and the response reads that file.
            Assert.Equal(Body, await File.ReadAllBytesAsync(destination.Path));
            Assert.Equal(Body, served);
            Assert.Equal(["download.csv"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_WithADestinationAndTheBodyCutEveryTime_DoesNotSayItIsComplete()
    {
        var destination = new BodyDestination(Path.Combine(Path.GetTempPath(), $"aienergy-tests-{Guid.NewGuid():N}.csv"));
        try
        {
            var (_, error, _) = await SendAsync(0, destination, () => Ok(new MemoryStream(Body, 0, 10)));

            Assert.NotNull(error);
            Assert.False(destination.IsComplete);
        }
        finally
        {
            File.Delete(destination.Path);
        }
    }

    [Fact]
    public async Task SendAsync_BodyStallsEveryTime_GivesUpAfterBodyRetriesSayingAfterHowManyBytes()
    {
        var (_, error, inner) = await SendAsync(1, () => Ok(new StallingStream(5000)));

        Assert.Equal(2, inner.Calls);
        Assert.Equal("the body stalled: no data for 0.1 s after 5000 of 200000 bytes (Sources:Http:BodyIdleTimeout) (gave up after 2 attempts, Sources:Http:BodyRetries)", error!.Message);
    }

    [Fact]
    public async Task SendAsync_BodyCutEveryTimeWithNoRetries_FailsAfterOneRequestSayingItWasCutOff()
    {
        var (_, error, inner) = await SendAsync(0, () => Ok(new MemoryStream(Body, 0, 10)));

        Assert.Equal(1, inner.Calls);
        Assert.StartsWith("the body was cut off: 10 of 200000 bytes arrived.", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ErrorStatus_IsReturnedAsItIsWithoutARetry()
    {
        var (response, _, inner) = await SendAsync(2, () => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("File not found") });

        Assert.Equal(1, inner.Calls);
        Assert.Equal((HttpStatusCode.NotFound, "File not found"), (response!.StatusCode, await response.Content.ReadAsStringAsync()));
    }
}
