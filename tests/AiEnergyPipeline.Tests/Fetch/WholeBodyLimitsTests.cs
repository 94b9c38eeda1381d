using AiEnergyPipeline.Fetch;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using System.Net;

namespace AiEnergyPipeline.Tests.Fetch;

/// <summary>
/// The body's size limit and deadline in <see cref="WholeBodyRetryHandler"/>: past either the
/// download fails at once, unretried, with a message naming the limit and its setting.
/// </summary>
public class WholeBodyLimitsTests
{
    /// <summary>Answers every request with a fresh response from the factory, and counts them.</summary>
    private sealed class CountingHandler(Func<HttpResponseMessage> respond) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(respond());
        }
    }

    /// <summary>A line every <paramref name="interval"/>, without end: never idle long enough to stall.</summary>
    private sealed class TrickleStream(TimeSpan interval) : Stream
    {
        private static readonly byte[] Line = "US,2026-01-01T00:00:00Z,1\n"u8.ToArray();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(interval, cancellationToken);
            Line.CopyTo(buffer);
            return Line.Length;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static async Task<(Exception? Error, int Calls)> SendAsync(SourceHttpOptions settings, Func<HttpResponseMessage> respond)
    {
        var inner = new CountingHandler(respond);
        using var invoker = new HttpMessageInvoker(new WholeBodyRetryHandler(Options.Create(settings), TimeProvider.System, NullLogger<WholeBodyRetryHandler>.Instance) { InnerHandler = inner });
        try
        {
            using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/f.csv"), CancellationToken.None);
            return (null, inner.Calls);
        }
        catch (HttpRequestException e)
        {
            return (e, inner.Calls);
        }
    }

    private static HttpResponseMessage Ok(Stream content, long? length) =>
        new(HttpStatusCode.OK) { Content = new StreamContent(content) { Headers = { ContentLength = length } } };

    [Fact]
    public async Task SendAsync_ContentLengthOverMaxBodyBytes_FailsBeforeReadingWithoutARetry()
    {
        var settings = new SourceHttpOptions { MaxBodyBytes = 1000, BodyRetries = 2 };

        var (error, calls) = await SendAsync(settings, () => Ok(new MemoryStream(new byte[5000]), 5000));

        Assert.Equal(1, calls);
        Assert.Equal("the body is larger than the limit of 1,000 bytes (5,000 announced or arrived; raise Sources:Http:MaxBodyBytes if it is genuine)", error!.Message);
    }

    [Fact]
    public async Task SendAsync_UnannouncedBodyGrowingPastMaxBodyBytes_FailsOnceItIsPastWithoutARetry()
    {
        var settings = new SourceHttpOptions { MaxBodyBytes = 100_000, BodyRetries = 2 };

        var (error, calls) = await SendAsync(settings, () => Ok(new MemoryStream(new byte[300_000]), null));

        Assert.Equal(1, calls);
        Assert.StartsWith("the body is larger than the limit of 100,000 bytes (", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_TricklingBodyNeverIdle_FailsAtTheDeadlineWithoutARetry()
    {
        var settings = new SourceHttpOptions { BodyIdleTimeout = TimeSpan.FromSeconds(1), BodyDeadline = TimeSpan.FromMilliseconds(400), BodyRetries = 2 };

        var (error, calls) = await SendAsync(settings, () => Ok(new TrickleStream(TimeSpan.FromMilliseconds(20)), null));

        Assert.Equal(1, calls);
        Assert.Matches(@"^the body took longer than 0\.4 s in all, \d+ bytes arrived; the server sends too slowly \(raise Sources:Http:BodyDeadline if it is genuine\)$", error!.Message);
    }
}
