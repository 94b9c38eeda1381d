using System.Globalization;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Copies a response body with a limit on how long any one read may wait for data, on how long
/// the whole body may take and on its size. The per-attempt time-out of the HTTP client covers
/// only the wait for headers; without these a server that stops sending mid-body, trickles, or
/// sends without end would hold a run until the process is stopped, or fill the disk.
/// </summary>
internal static class IdleTimeoutCopy
{
    /// <summary>Limits of one copy: the idle time-out, the deadline of the whole body and its largest size.</summary>
    public readonly record struct Limits(TimeSpan IdleTimeout, TimeSpan Deadline, long MaxBytes);

    /// <returns>The number of bytes copied.</returns>
    /// <exception cref="TimeoutException">No byte came for the idle time-out; the message says after how many bytes.</exception>
    /// <exception cref="BodyLimitException">The body took longer than the deadline or was larger than the limit.</exception>
    /// <param name="hash">When given, every byte copied is also appended to it: hashed as it is written, not read back.</param>
    /// <param name="written">When given, told the bytes copied so far after each write to <paramref name="target"/>.</param>
    public static async Task<long> CopyAsync(Stream source, Stream target, Limits limits, long? expectedBytes, TimeProvider time, CancellationToken cancellationToken, System.Security.Cryptography.IncrementalHash? hash = null, Action<long>? written = null)
    {
        if (expectedBytes > limits.MaxBytes)
        {
            throw TooLarge(expectedBytes.Value, limits);
        }

        // 256 KB reads: a 100 MB body in 400 writes rather than 1,600.
        var buffer = new byte[1 << 18];
        long copied = 0;
        // Two sources of cancellation, so that the message can say which limit it was.
        using var whole = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var deadline = time.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), whole, limits.Deadline, Timeout.InfiniteTimeSpan);
        while (true)
        {
            int read;
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(whole.Token))
            using (var timer = time.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), idle, limits.IdleTimeout, Timeout.InfiniteTimeSpan))
            {
                try
                {
                    read = await source.ReadAsync(buffer, idle.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    if (whole.IsCancellationRequested)
                    {
                        throw new BodyLimitException(string.Create(CultureInfo.InvariantCulture, $"the body took longer than {limits.Deadline.TotalSeconds:0.###} s in all, {copied}{Of(expectedBytes)} bytes arrived; the server sends too slowly (raise Sources:Http:BodyDeadline if it is genuine)"));
                    }

                    throw new TimeoutException($"the body stalled: no data for {limits.IdleTimeout.TotalSeconds:0.###} s after {copied}{Of(expectedBytes)} bytes (Sources:Http:BodyIdleTimeout)");
                }
            }

            if (read == 0)
            {
                return copied;
            }

            copied += read;
            if (copied > limits.MaxBytes)
            {
                throw TooLarge(copied, limits);
            }

            hash?.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            written?.Invoke(copied);
        }
    }

    public static string Of(long? expectedBytes) => expectedBytes is { } n ? $" of {n}" : "";

    private static BodyLimitException TooLarge(long bytes, Limits limits) =>
        new(string.Create(CultureInfo.InvariantCulture, $"the body is larger than the limit of {limits.MaxBytes:N0} bytes ({bytes:N0} announced or arrived; raise Sources:Http:MaxBodyBytes if it is genuine)"));
}
