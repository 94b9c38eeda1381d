using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.IntegrationTests.Infrastructure;

namespace AiEnergyPipeline.IntegrationTests.Fetch;

/// <summary>
/// Reading a body while <see cref="WholeBodyRetryHandler"/> downloads it from a real local server into
/// its destination: the reader gets exactly the body's bytes, waits for those not yet sent, stops when
/// the download starts again or fails, and a wait ends when the reader gives up.
/// </summary>
public class BodyDestinationTests
{
    private static readonly byte[] Body = Enumerable.Range(0, 300_000).Select(i => (byte)(i % 253)).ToArray();

    /// <summary>A bound on every wait, so that a broken product fails the test rather than hanging it.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static BodyDestination NewDestination() => new(Path.Combine(TestPaths.NewTempFolder(), "download.csv"));

    /// <summary>Starts the download from <paramref name="server"/> into <paramref name="destination"/>; the task ends with the response or the failure.</summary>
    private static async Task<HttpResponseMessage> DownloadAsync(LocalHttpServer server, BodyDestination destination)
    {
        var options = new SourceHttpOptions { BodyRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(1), BodyIdleTimeout = TimeSpan.FromSeconds(20) };
        using var invoker = BodyAnswers.Client(options);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseAddress, "f.csv"));
        request.Options.Set(BodyDestination.Key, destination);
        // Off the test's thread: the test reads the body while this downloads it.
        return await Task.Run(() => invoker.SendAsync(request, CancellationToken.None));
    }

    private static async Task<byte[]> ReadExactlyAsync(Stream reader, int count)
    {
        var bytes = new byte[count];
        await Task.Run(() => reader.ReadExactly(bytes)).WaitAsync(Patience);
        return bytes;
    }

    [Fact]
    public async Task OpenWhileDownloading_BodyHeldBackHalfWay_ReadsTheFirstHalfBeforeTheRestIsSentThenTheWholeBody()
    {
        var destination = NewDestination();
        var goOn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LocalHttpServer.StartAsync(context => BodyAnswers.HeldBackAsync(context, Body, 100_000, goOn.Task, abort: false));
        using var reader = destination.OpenWhileDownloading(CancellationToken.None);
        var download = DownloadAsync(server, destination);

        // The server sends no more until the reader has the first part: reading must not wait for the whole body.
        var firstPart = await ReadExactlyAsync(reader, 100_000);
        Assert.False(destination.IsComplete);
        goOn.SetResult();
        var rest = await Task.Run(() => { using var copy = new MemoryStream(); reader.CopyTo(copy); return copy.ToArray(); }).WaitAsync(Patience);

        Assert.Equal(Body, firstPart.Concat(rest).ToArray());
        using var response = await download.WaitAsync(Patience);
        Assert.True(destination.IsComplete);
        Assert.True(destination.HasBody);
        Assert.Equal(Body.Length, destination.Bytes);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task OpenWhileDownloading_BodyCutOffThenRequestedAgain_ThrowsBodyRestartedRatherThanMixAttempts()
    {
        var destination = NewDestination();
        var cut = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LocalHttpServer.StartAsync(BodyAnswers.InTurn(
            context => BodyAnswers.HeldBackAsync(context, Body, 50_000, cut.Task, abort: true),
            context => Fault.Ok.Respond(context, Body)));
        using var reader = destination.OpenWhileDownloading(CancellationToken.None);
        var download = DownloadAsync(server, destination);

        // The connection is reset only once the reader has the first attempt's bytes.
        Assert.Equal(Body.AsSpan(0, 50_000).ToArray(), await ReadExactlyAsync(reader, 50_000));
        cut.SetResult();
        using var response = await download.WaitAsync(Patience);

        Assert.Equal(2, server.Requests.Count);
        var error = await Assert.ThrowsAsync<BodyRestartedException>(() => ReadExactlyAsync(reader, 1));
        Assert.Contains(Path.GetFileName(destination.Path), error.Message, StringComparison.Ordinal);
        // The file itself holds the second attempt's whole body, for a reader that starts again.
        Assert.Equal(Body, await File.ReadAllBytesAsync(destination.Path));
    }

    [Fact]
    public async Task OpenWhileDownloading_ErrorStatus_EndsTheWaitForTheBodyAndAReadFailsNamingTheStatus()
    {
        var destination = NewDestination();
        await using var server = await LocalHttpServer.StartAsync(context => Fault.Status(404, "gone").Respond(context, Body));
        using var reader = destination.OpenWhileDownloading(CancellationToken.None);

        using var response = await DownloadAsync(server, destination).WaitAsync(Patience);
        await destination.BodyStarted.WaitAsync(Patience);

        Assert.False(destination.HasBody);
        var error = await Assert.ThrowsAsync<IOException>(() => ReadExactlyAsync(reader, 1));
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenWhileDownloading_ReaderGivesUpWhileWaiting_TheReadEndsWithCancellation()
    {
        var destination = NewDestination();
        var goOn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LocalHttpServer.StartAsync(context => BodyAnswers.HeldBackAsync(context, Body, 1_000, goOn.Task, abort: false));
        using var giveUp = new CancellationTokenSource();
        using var reader = destination.OpenWhileDownloading(giveUp.Token);
        var download = DownloadAsync(server, destination);
        await ReadExactlyAsync(reader, 1_000);

        var waiting = Task.Run(() => reader.ReadExactly(new byte[1]));
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        // The download itself goes on: the reader's giving up is not the fetch's.
        goOn.SetResult();
        using var response = await download.WaitAsync(Patience);
        Assert.True(destination.IsComplete);
    }
}
