using Azure;
using System.Text.Json;

namespace AiEnergyPipeline.Storage;

/// <summary>The exceptions a store throws when it cannot be written (a full disk, a refused or failed request).</summary>
public static class StorageFailures
{
    // ENOSPC on Linux and macOS, ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL on Windows.
    private static readonly int[] DiskFullCodes = [28, 0x27, 0x70];

    /// <summary>
    /// True for failures of the storage itself. Cancellation is not one: a cancelled run stops
    /// rather than reporting a failure.
    /// </summary>
    public static bool IsStorageFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or RequestFailedException or StoreConditionFailedException
        // The managed identity's token could not be had: the store cannot be reached, like a refused request.
        or Azure.Identity.AuthenticationFailedException
        || (e is AggregateException a && a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsStorageFailure));

    /// <summary>
    /// True for the failures that end a command with "publish failed" rather than as a usage or
    /// configuration error: the store failed or refused (its answers, transport, a full disk) or its
    /// content is damaged. A missing input file of the user's is not one.
    /// </summary>
    public static bool IsStoreFault(Exception e) =>
        e is StoreFailedException or StoreConditionFailedException or RequestFailedException or DamagedRunException or Azure.Identity.AuthenticationFailedException
        || (e is IOException && DiskFullCodes.Contains(e.HResult & 0xFFFF))
        || (e is AggregateException a && a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsStoreFault));

    /// <summary>
    /// One line for a report: what failed and why. A storage answer gives its status and error
    /// code; a transport failure (status 0: refused, DNS, TLS) gives the cause the SDK wrapped, which
    /// its own message leaves out; retries give the last attempt's cause.
    /// </summary>
    public static string Describe(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: > 0 } a => Describe(a.InnerExceptions[^1]) + (a.InnerExceptions.Count > 1 ? $" (after {a.InnerExceptions.Count} attempts)" : ""),
        RequestFailedException { Status: 0, InnerException: { } inner } => Transport(inner),
        RequestFailedException r => Answer(r),
        OperationCanceledException => $"timed out: {FirstLine(e.Message)}",
        JsonException => $"unreadable metadata: {FirstLine(e.Message)}",
        Azure.Identity.AuthenticationFailedException => $"no token for the store (the identity could not authenticate): {FirstLine(e.Message)}",
        _ => FirstLine(e.Message),
    };

    private static string Answer(RequestFailedException r)
    {
        var reason = r.GetRawResponse()?.ReasonPhrase;
        return $"storage answered HTTP {r.Status}{(string.IsNullOrWhiteSpace(reason) ? "" : " " + reason)}{(r.ErrorCode is { Length: > 0 } code ? $" ({code})" : "")}";
    }

    /// <summary>"Connection refused (127.0.0.1:1)"; a TLS failure's outer message only says "see inner exception", so the inner one follows.</summary>
    private static string Transport(Exception e)
    {
        var line = FirstLine(e.Message);
        const string SeeInner = "see inner exception";
        if (e.InnerException is { } inner && line.Contains(SeeInner, StringComparison.OrdinalIgnoreCase))
        {
            return line[..line.IndexOf(SeeInner, StringComparison.OrdinalIgnoreCase)].TrimEnd(' ', ',', '.', ';') + ": " + Transport(inner);
        }

        return e is OperationCanceledException ? $"timed out: {line}" : line;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
