using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace AiEnergyPipeline.Fetch;

/// <summary>
/// One line of ours for each retry of a source's request, in place of the resilience library's two
/// (its "Execution attempt" and "Resilience event" lines, with an empty operation key and the
/// pipeline's inner name): the file, what went wrong, which attempt comes next and when.
/// </summary>
public static partial class RetryLog
{
    /// <summary>The logger category: a host that wants only these lines filters "Polly" out.</summary>
    public const string Category = "AiEnergyPipeline.Fetch.Retry";

    /// <summary>
    /// Logs the retry about to be made, naming the file (or, for an API, its host and path); the
    /// URL's query, which may hold a key, is never shown.
    /// </summary>
    public static ValueTask OnRetry(OnRetryArguments<HttpResponseMessage> retry, ILogger logger, SecretRedactor? redactor, int maxRetries)
    {
        // The context holds the request even when the attempt ended in an exception (no response).
        var request = retry.Context.GetRequestMessage()?.RequestUri ?? retry.Outcome.Result?.RequestMessage?.RequestUri;
        var file = request is null ? "a request"
            : Path.GetFileName(request.AbsolutePath) is { Length: > 0 } name && name.Contains('.', StringComparison.Ordinal) ? name
            : request.Host + request.AbsolutePath;
        var cause = retry.Outcome.Result is { } response ? HttpResponses.Describe(response) : retry.Outcome.Exception?.Message ?? "no answer";
        cause = redactor?.Redact(cause) ?? cause;
        LogRetry(logger, file, cause, retry.AttemptNumber + 2, maxRetries + 1, retry.RetryDelay.TotalSeconds);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File}: {Cause}; attempt {Next} of {Attempts} in {DelaySeconds:0.##} s")]
    private static partial void LogRetry(ILogger logger, string file, string cause, int next, int attempts, double delaySeconds);
}
