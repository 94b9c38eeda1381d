namespace AiEnergyPipeline.Recompute;

/// <summary>
/// Reads a request body into memory, but never more than the limit plus one byte: the extra byte
/// is how a body just over the limit is told apart from one exactly at it.
/// </summary>
internal static class BoundedBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>The body's bytes, or null when it is longer than <paramref name="limit"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (body.CanSeek && LengthOrNull(body) - body.Position > limit)
        {
            return null;
        }

        // Grows by doubling up to limit + 1, so a small body costs a small buffer.
        var buffer = new byte[Math.Min(ChunkBytes, limit + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > limit)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
            }

            var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return buffer.AsMemory(0, length);
            }

            length += read;
        }
    }

    private static long? LengthOrNull(Stream body)
    {
        try
        {
            return body.Length;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
