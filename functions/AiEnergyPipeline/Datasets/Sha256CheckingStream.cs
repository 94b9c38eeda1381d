using AiEnergyPipeline.Storage;
using System.Security.Cryptography;

namespace AiEnergyPipeline.Datasets;

/// <summary>
/// Reads a published file through, hashing what passes, and at its end compares the sha256 with the
/// one its data package lists: a file changed or cut short in the store after it was published ends
/// in <see cref="DamagedFileException"/> instead of reaching the reader as if it were whole (the CLI
/// then keeps nothing, and an HTTP download is cut off rather than completed).
/// </summary>
/// <param name="name">The file as the message names it (its path in the run).</param>
internal sealed class Sha256CheckingStream(Stream inner, string expectedSha256, string name) : ForwardOnlyReadStream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _bytes;
    private bool _checked;

    /// <summary>The bytes read so far: all of them once the read has ended without <see cref="DamagedFileException"/>.</summary>
    public long BytesRead => _bytes;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Take(buffer.Span[..read], buffer.Length);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        Take(buffer.AsSpan(offset, read), count);
        return read;
    }

    /// <param name="asked">How many bytes the reader asked for: nothing read for a request of some is the end.</param>
    private void Take(ReadOnlySpan<byte> bytes, int asked)
    {
        if (bytes.Length > 0)
        {
            _hash.AppendData(bytes);
            _bytes += bytes.Length;
            return;
        }

        if (asked == 0 || _checked)
        {
            return;
        }

        _checked = true;
        if (string.IsNullOrEmpty(expectedSha256))
        {
            // A data package that lists no sha256 for the file (none written by this project) leaves nothing to check.
            return;
        }

        var actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
        if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new DamagedFileException(name, _bytes, actual, expectedSha256);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        _hash.Dispose();
        await base.DisposeAsync();
    }
}
