using System.Text;

namespace AiEnergyPipeline.Fetch;

internal static class HttpResponses
{
    /// <summary>The first bytes of an error body, for a message: bodies of failed calls explain them.</summary>
    private static async Task<string> ReadErrorExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[2048];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, total).ReplaceLineEndings(" ").Trim();
            return text.Length > 300 ? text[..300] + "..." : text;
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return "";
        }
    }

    public static string Describe(HttpResponseMessage response) =>
        $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();

    /// <summary>"HTTP 503 Service Unavailable: the body's first bytes", or without the colon when the body says nothing.</summary>
    public static async Task<string> DescribeWithBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        await ReadErrorExcerptAsync(response, cancellationToken) is { Length: > 0 } excerpt ? $"{Describe(response)}: {excerpt}" : Describe(response);

    /// <summary>
    /// A request that got no usable answer: refused, reset, timed out (an attempt's or the total
    /// time-out), or not even sent because the source's circuit breaker is open after many failures.
    /// Each is the source's failure, said with the file's name; cancellation by the caller is not.
    /// </summary>
    public static bool IsRequestFailure(Exception e) =>
        e is HttpRequestException or TaskCanceledException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException;
}
