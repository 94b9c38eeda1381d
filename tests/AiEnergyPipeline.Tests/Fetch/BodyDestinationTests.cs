using AiEnergyPipeline.Fetch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using System.Net;

namespace AiEnergyPipeline.Tests.Fetch;

/// <summary>
/// Reading a body while <see cref="WholeBodyRetryHandler"/> downloads it into its destination: the
/// reader gets exactly the body's bytes, waits for those not yet written, stops when the download
/// starts again or fails, and a wait ends when the reader gives up.
/// </summary>
public class BodyDestinationTests
{
    private static readonly byte[] Body = Enumerable.Range(0, 300_000).Select(i => (byte)(i % 253)).ToArray();
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>A body that sends its first <paramref name="first"/> bytes, then waits to be let go on, then sends the rest or is cut off.</summary>
    private sealed class GatedBody(int first, bool cutOff) : AiEnergyPipeline.Storage.ForwardOnlyReadStream
    {
        private readonly TaskCompletionSource _goOn = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _position;

        public void GoOn() => _goOn.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position == first)
            {
                await _goOn.Task.WaitAsync(cancellationToken);
                if (cutOff)
                {
                    throw new IOException("connection reset by the test");
                }
            }

            var end = _position < first ? first : Body.Length;
            var n = Math.Min(buffer.Length, end - _position);
            Body.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    }

    private sealed class ScriptedHandler(params Func<HttpResponseMessage>[] responses) : HttpMessageHandler
    {
        private int _calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(responses[Math.Min(_calls++, responses.Length - 1)]());
    }

    private static HttpResponseMessage Ok(Stream content)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(content) };
        response.Content.Headers.ContentLength = Body.Length;
        return response;
    }

    private static BodyDestination NewDestination() => new(Path.Combine(Path.GetTempPath(), $"aienergy-test-{Guid.NewGuid():N}.csv"));

    /// <summary>Starts the download of the scripted responses into <paramref name="destination"/>; the task ends with the response or the failure.</summary>
    private static Task<HttpResponseMessage> DownloadAsync(BodyDestination destination, params Func<HttpResponseMessage>[] responses)
    {
        var options = Options.Create(new SourceHttpOptions { BodyRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(1), BodyIdleTimeout = TimeSpan.FromSeconds(20) });
        var invoker = new HttpMessageInvoker(new WholeBodyRetryHandler(options, TimeProvider.System, NullLogger<WholeBodyRetryHandler>.Instance) { InnerHandler = new ScriptedHandler(responses) });
        var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/f.csv");
        request.Options.Set(BodyDestination.Key, destination);
        return Task.Run(() => invoker.SendAsync(request, CancellationToken.None));
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
        var body = new GatedBody(100_000, cutOff: false);
        using var reader = destination.OpenWhileDownloading(CancellationToken.None);
        var download = DownloadAsync(destination, () => Ok(body));

        // The server sends no more until the reader has the first half: reading must not wait for the whole body.
        var firstHalf = await ReadExactlyAsync(reader, 100_000);
        Assert.False(destination.IsComplete);
        body.GoOn();
        var rest = await Task.Run(() => { using var copy = new MemoryStream(); reader.CopyTo(copy); return copy.ToArray(); }).WaitAsync(Patience);

        Assert.Equal(Body, firstHalf.Concat(rest).ToArray());
        using var response = await download.WaitAsync(Patience);
        Assert.True(destination.IsComplete);
        Assert.True(destination.HasBody);
        Assert.Equal(Body.Length, destination.Bytes);
        File.Delete(destination.Path);
    }

    [Fact]
    public async Task OpenWhileDownloading_BodyCutOffThenRequestedAgain_ThrowsBodyRestartedRatherThanMixAttempts()
    {
        var destination = NewDestination();
        var cut = new GatedBody(50_000, cutOff: true);
        using var reader = destination.OpenWhileDownloading(CancellationToken.None);
        var download = DownloadAsync(destination, () => Ok(cut), () => Ok(new MemoryStream(Body)));

        Assert.Equal(Body.AsSpan(0, 50_000).ToArray(), await ReadExactlyAsync(reader, 50_000));
        cut.GoOn();
        using var response = await download.WaitAsync(Patience);

        var error = await Assert.ThrowsAsync<BodyRestartedException>(() => ReadExactlyAsync(reader, 1));
        Assert.Contains(Path.GetFileName(destination.Path), error.Message, StringComparison.Ordinal);
        // The file itself holds the second attempt's whole body, for a reader that starts again.
        Assert.Equal(Body, await File.ReadAllBytesAsync(destination.Path));
        File.Delete(destination.Path);
    }

    [Fact]
    public async Task OpenWhileDownloading_ErrorStatus_EndsTheWaitForTheBodyAndAReadFailsNamingTheStatus()
    {
        var destination = NewDestination();
        using var reader = destination.OpenWhileDownloading(CancellationToken.None);
        var download = DownloadAsync(destination, () => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("gone") });

        using var response = await download.WaitAsync(Patience);
        await destination.BodyStarted.WaitAsync(Patience);

        Assert.False(destination.HasBody);
        var error = await Assert.ThrowsAsync<IOException>(() => ReadExactlyAsync(reader, 1));
        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenWhileDownloading_ReaderGivesUpWhileWaiting_TheReadEndsWithCancellation()
    {
        var destination = NewDestination();
        var body = new GatedBody(1_000, cutOff: false);
        using var giveUp = new CancellationTokenSource();
        using var reader = destination.OpenWhileDownloading(giveUp.Token);
        var download = DownloadAsync(destination, () => Ok(body));
        await ReadExactlyAsync(reader, 1_000);

        var waiting = Task.Run(() => reader.ReadExactly(new byte[1]));
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
        body.GoOn();
        using var response = await download.WaitAsync(Patience);
        File.Delete(destination.Path);
    }
}
