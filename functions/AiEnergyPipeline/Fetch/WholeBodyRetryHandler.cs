using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// Makes a successful response's whole body part of what is retried. It sits outside the
/// standard resilience handler (which retries only up to the response headers: a body cannot be
/// replayed) and downloads each 2xx body to a temporary file, with an idle time-out on every
/// read, a deadline and a size limit; a body cut off (fewer bytes than Content-Length, a reset) or
/// stalled is requested again, through the resilience handler, at most
/// <see cref="SourceHttpOptions.BodyRetries"/> times; one past the deadline or the size is not.
/// The caller then reads a complete local copy, so every source (file downloads and API pages
/// alike) gets this without code of its own. A caller that archives the body names the file it
/// wants it in (<see cref="BodyDestination"/>): the body is then written there once, hashed as it
/// is written, and not copied again. Error responses pass through untouched.
/// </summary>
public sealed partial class WholeBodyRetryHandler(IOptions<SourceHttpOptions> options, TimeProvider time, ILogger<WholeBodyRetryHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var destination = BodyDestination.Of(request);
        try
        {
            var response = await SendWholeAsync(request, destination, cancellationToken);
            if (destination is { IsComplete: false })
            {
                // An error response: no body will come, and a reader of an earlier attempt must stop.
                destination.Abandon(HttpResponses.Describe(response));
            }

            return response;
        }
        catch (Exception e)
        {
            destination?.Abandon(e.Message);
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendWholeAsync(HttpRequestMessage request, BodyDestination? destination, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            var response = await SendOnceAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return response;
            }

            try
            {
                var limits = new IdleTimeoutCopy.Limits(settings.BodyIdleTimeout, settings.BodyDeadline, settings.MaxBodyBytes);
                response.Content = await DownloadAsync(response.Content, destination, SnapshotAnswer.OriginOf(response), limits, cancellationToken);
                return response;
            }
            catch (BodyLimitException e)
            {
                response.Dispose();
                // HttpRequestException: what callers already report as a failed download.
                throw new HttpRequestException(e.Message, e);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                response.Dispose();
                var cause = e is TimeoutException ? e.Message : $"the body was cut off: {e.Message}";
                if (attempt > settings.BodyRetries)
                {
                    // HttpRequestException: what callers already report as a failed download.
                    throw new HttpRequestException($"{cause} (gave up after {attempt} attempt{(attempt == 1 ? "" : "s")}, Sources:Http:BodyRetries)", e);
                }

                var delay = settings.RetryDelay * Math.Pow(2, attempt - 1);
                LogBodyRetry(request.RequestUri?.GetLeftPart(UriPartial.Path), attempt, cause, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    /// <summary>The request through the resilience handler, with the cause of a failure in the message: "An error occurred while sending the request" alone says nothing.</summary>
    private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e) when (e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal))
        {
            throw new HttpRequestException(e.HttpRequestError, $"{e.Message.TrimEnd('.')}: {inner.Message}", e, e.StatusCode);
        }
    }

    private async Task<HttpContent> DownloadAsync(HttpContent content, BodyDestination? destination, InputOrigin origin, IdleTimeoutCopy.Limits limits, CancellationToken cancellationToken)
    {
        var expected = content.Headers.ContentLength;
        // Into the caller's destination (each attempt from the start), or a temporary file that goes when read.
        FileStream file;
        if (destination is null)
        {
            file = new FileStream(Path.Combine(Path.GetTempPath(), $"aienergy-body-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        }
        else
        {
            // Readers of an earlier attempt are told before the file is truncated. Unbuffered, so
            // that every byte reported written is in the file, where a reader can find it.
            destination.BeginAttempt();
            file = new FileStream(destination.Path, FileMode.Create, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, 0, FileOptions.Asynchronous);
            destination.BodyOpened(origin);
        }

        try
        {
            long copied;
            using var hash = destination is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var body = await content.ReadAsStreamAsync(cancellationToken))
            {
                copied = await IdleTimeoutCopy.CopyAsync(body, file, limits, expected, time, cancellationToken, hash, destination is null ? null : destination.Advance);
            }

            if (expected is { } length && copied != length)
            {
                // The handler normally notices this itself; a proxy or a chunked body might not.
                throw new IOException($"{copied}{IdleTimeoutCopy.Of(length)} bytes arrived.");
            }

            file.Position = 0;
            var local = new StreamContent(file);
            foreach (var header in content.Headers)
            {
                local.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            local.Headers.ContentLength = copied;
            content.Dispose();
            if (hash is not null)
            {
                destination!.Complete(Convert.ToHexStringLower(hash.GetHashAndReset()), copied);
            }

            return local;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Url}: attempt {Attempt}: {Cause}; requesting it again in {DelayMs} ms")]
    private partial void LogBodyRetry(string? url, int attempt, string cause, double delayMs);
}
