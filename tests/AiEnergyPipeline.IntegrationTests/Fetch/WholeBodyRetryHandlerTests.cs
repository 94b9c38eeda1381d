using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using System.Net;
using System.Security.Cryptography;

namespace AiEnergyPipeline.IntegrationTests.Fetch;

/// <summary>
/// <see cref="WholeBodyRetryHandler"/> against a real local server: a body cut off or stalled on the
/// socket is requested again and delivered whole, or given up with a message saying why.
/// </summary>
public class WholeBodyRetryHandlerTests
{
    private static readonly byte[] Body = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();

    /// <summary>The headers a source's response carries, which the handler must hand on with the local copy.</summary>
    private static Func<HttpContext, Task> WithHeaders(Func<HttpContext, Task> answer) => context =>
    {
        context.Response.ContentType = "text/csv";
        context.Response.Headers.LastModified = "Tue, 06 Jan 2026 10:00:00 GMT";
        return answer(context);
    };

    private static Func<HttpContext, Task> Whole => WithHeaders(context => Fault.Ok.Respond(context, Body));

    private static Func<HttpContext, Task> Short(int sent) => WithHeaders(context => BodyAnswers.ShortAsync(context, Body, sent));

    private static async Task<(HttpResponseMessage? Response, Exception? Error)> SendAsync(LocalHttpServer server, int bodyRetries, BodyDestination? destination = null, double idleSeconds = 5)
    {
        var settings = new SourceHttpOptions { BodyRetries = bodyRetries, RetryDelay = TimeSpan.FromMilliseconds(1), BodyIdleTimeout = TimeSpan.FromSeconds(idleSeconds) };
        using var invoker = BodyAnswers.Client(settings);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "f.csv"));
        if (destination is not null)
        {
            request.Options.Set(BodyDestination.Key, destination);
        }

        try
        {
            var response = await invoker.SendAsync(request, CancellationToken.None);
            // A success's content is the handler's local copy; an error's is still on the connection,
            // which goes with the invoker: read it first.
            await response.Content.LoadIntoBufferAsync();
            return (response, null);
        }
        catch (HttpRequestException e)
        {
            return (null, e);
        }
    }

    [Fact]
    public async Task SendAsync_BodyShorterThanContentLength_RequestsAgainAndReturnsTheWholeBodyWithItsHeaders()
    {
        await using var server = await LocalHttpServer.StartAsync(BodyAnswers.InTurn(Short(1000), Whole));

        var (response, error) = await SendAsync(server, 2);

        Assert.Null(error);
        Assert.Equal(["/f.csv", "/f.csv"], server.Requests);
        Assert.Equal(Body, await response!.Content.ReadAsByteArrayAsync());
        Assert.Equal(("text/csv", (long?)Body.Length), (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentLength));
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 10, 0, 0, TimeSpan.Zero), response.Content.Headers.LastModified);
        response.Dispose();
    }

    [Fact]
    public async Task SendAsync_WithADestinationAndACutOffFirstBody_LeavesTheWholeBodyThereOnceWithItsSha256()
    {
        var folder = TestPaths.NewTempFolder();
        var destination = new BodyDestination(Path.Combine(folder, "download.csv"));
        await using var server = await LocalHttpServer.StartAsync(BodyAnswers.InTurn(Short(1000), Whole));

        var (response, _) = await SendAsync(server, 2, destination);
        var served = await response!.Content.ReadAsByteArrayAsync();
        response.Dispose();

        Assert.Equal(2, server.Requests.Count);
        Assert.True(destination.IsComplete);
        Assert.Equal((Convert.ToHexStringLower(SHA256.HashData(Body)), (long)Body.Length), (destination.Sha256, destination.Bytes));
        // The retry started the file again: it holds the body once, and the response reads that file.
        Assert.Equal(Body, await File.ReadAllBytesAsync(destination.Path));
        Assert.Equal(Body, served);
        Assert.Equal(["download.csv"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task SendAsync_WithADestinationAndTheBodyCutEveryTime_DoesNotSayItIsComplete()
    {
        var folder = TestPaths.NewTempFolder();
        var destination = new BodyDestination(Path.Combine(folder, "download.csv"));
        await using var server = await LocalHttpServer.StartAsync(Short(10));

        var (_, error) = await SendAsync(server, 0, destination);

        Assert.NotNull(error);
        Assert.Single(server.Requests);
        Assert.False(destination.IsComplete);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task SendAsync_BodyStallsEveryTime_GivesUpAfterBodyRetriesSayingAfterHowManyBytes()
    {
        // The bytes go out with the headers in one flush, so the client has all 5,000 before the idle time-out runs.
        await using var server = await LocalHttpServer.StartAsync(WithHeaders(context => Fault.StallBody(5000).Respond(context, Body)));

        var (_, error) = await SendAsync(server, 1, idleSeconds: 0.5);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("the body stalled: no data for 0.5 s after 5000 of 200000 bytes (Sources:Http:BodyIdleTimeout) (gave up after 2 attempts, Sources:Http:BodyRetries)", error!.Message);
    }

    [Fact]
    public async Task SendAsync_BodyCutEveryTimeWithNoRetries_FailsAfterOneRequestSayingItWasCutOff()
    {
        await using var server = await LocalHttpServer.StartAsync(Short(10));

        var (_, error) = await SendAsync(server, 0);

        Assert.Single(server.Requests);
        // Over a socket the HTTP stack notices the early end itself and says how many bytes were still
        // missing; the handler's own "N of M bytes arrived" check is for streams that end cleanly short.
        Assert.Equal("the body was cut off: The response ended prematurely, with at least 199990 additional bytes expected. (ResponseEnded) (gave up after 1 attempt, Sources:Http:BodyRetries)", error!.Message);
    }

    [Fact]
    public async Task SendAsync_ErrorStatus_IsReturnedAsItIsWithoutARetry()
    {
        await using var server = await LocalHttpServer.StartAsync(context => Fault.Status(StatusCodes.Status404NotFound, "File not found").Respond(context, Body));

        var (response, _) = await SendAsync(server, 2);

        Assert.Single(server.Requests);
        Assert.Equal((HttpStatusCode.NotFound, "File not found"), (response!.StatusCode, await response.Content.ReadAsStringAsync()));
        response.Dispose();
    }
}
