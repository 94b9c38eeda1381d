using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Recompute;
using System.Text;
using static AiEnergyPipeline.Tests.Recompute.RecomputeSamples;

namespace AiEnergyPipeline.Tests.Recompute;

public class RecomputeBodyLimitTests
{
    private const string Over = "the body is over 1,048,576 bytes (1 MiB), the most a recompute request may be";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ParseAsync_Exactly1MiBOfPaddedJson_IsValid(bool seekable)
    {
        var body = Padded("{\"base_year\": 2026}", RecomputeLimits.MaxBodyBytes);
        using Stream stream = seekable ? new MemoryStream(body) : new TrickleStream(body);

        var result = await RecomputeRequestParser.ParseAsync(stream, Limits, CancellationToken.None);

        Assert.True(result.IsValid);
        Assert.Equal(2026, result.Request.BaseYear);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ParseAsync_1MiBPlusOneByte_IsABodyError(bool seekable)
    {
        var body = Padded("{\"base_year\": 2026}", RecomputeLimits.MaxBodyBytes + 1);
        using Stream stream = seekable ? new MemoryStream(body) : new TrickleStream(body);

        var result = await RecomputeRequestParser.ParseAsync(stream, Limits, CancellationToken.None);

        var (path, messages) = Assert.Single(result.Errors);
        Assert.Equal("body", path);
        Assert.Equal([Over], messages);
    }

    [Fact]
    public async Task ParseAsync_EndlessBody_StopsAfterTheLimitPlusOneByte()
    {
        using var stream = new EndlessStream();

        var result = await RecomputeRequestParser.ParseAsync(stream, Limits, CancellationToken.None);

        Assert.Equal([Over], result.Errors["body"]);
        Assert.Equal(RecomputeLimits.MaxBodyBytes + 1, stream.BytesRead);
    }

    [Fact]
    public async Task ParseAsync_SeekableBodyOverTheLimit_IsRefusedWithoutReading()
    {
        using var stream = new MemoryStream(new byte[RecomputeLimits.MaxBodyBytes + 10]);

        var result = await RecomputeRequestParser.ParseAsync(stream, Limits, CancellationToken.None);

        Assert.Equal([Over], result.Errors["body"]);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public async Task ParseAsync_Cancelled_Throws()
    {
        using var stream = new TrickleStream("{}"u8.ToArray());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => RecomputeRequestParser.ParseAsync(stream, Limits, new CancellationToken(canceled: true)));
    }

    /// <summary><paramref name="json"/> followed by spaces up to <paramref name="length"/> bytes.</summary>
    private static byte[] Padded(string json, int length)
    {
        var body = new byte[length];
        Array.Fill(body, (byte)' ');
        Encoding.UTF8.GetBytes(json, body);
        return body;
    }

    /// <summary>A non-seekable stream that hands out a few bytes at a time, as a network body does.</summary>
    private sealed class TrickleStream(byte[] content) : Stream
    {
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, 7001), content.Length - _position);
            content.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Read(buffer.Span));
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A body that never ends: counts what the parser read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            buffer.Fill((byte)' ');
            BytesRead += buffer.Length;
            return buffer.Length;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
