namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Copies a response body with a limit on how long any one read may wait for data. The
/// per-attempt time-out of the HTTP client covers only the wait for headers; without this a
/// server that stops sending mid-body would hold a run until the process is stopped.
/// </summary>
internal static class IdleTimeoutCopy
{
    /// <returns>The number of bytes copied.</returns>
    /// <exception cref="TimeoutException">No byte came for <paramref name="idleTimeout"/>; the message says after how many bytes.</exception>
    public static async Task<long> CopyAsync(Stream source, Stream target, TimeSpan idleTimeout, long? expectedBytes, TimeProvider time, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long copied = 0;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            int read;
            using (var timer = time.CreateTimer(static s => ((CancellationTokenSource)s!).Cancel(), idle, idleTimeout, Timeout.InfiniteTimeSpan))
            {
                try
                {
                    read = await source.ReadAsync(buffer, idle.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"the body stalled: no data for {idleTimeout.TotalSeconds:0.###} s after {copied}{Of(expectedBytes)} bytes (Sources:Http:BodyIdleTimeout)");
                }
            }

            if (read == 0)
            {
                return copied;
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            copied += read;
        }
    }

    public static string Of(long? expectedBytes) => expectedBytes is { } n ? $" of {n}" : "";
}
