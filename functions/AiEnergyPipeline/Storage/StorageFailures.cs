using Azure;

namespace AiEnergyPipeline.Storage;

/// <summary>The exceptions a store throws when it cannot be written (a full disk, a refused or failed request).</summary>
public static class StorageFailures
{
    /// <summary>
    /// True for failures of the storage itself. Cancellation is not one: a cancelled run stops
    /// rather than reporting a failure.
    /// </summary>
    public static bool IsStorageFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or RequestFailedException or StoreConditionFailedException;

    /// <summary>One line for a report: the status and error code of a storage answer, else the message.</summary>
    public static string Describe(Exception e) =>
        e is RequestFailedException r ? $"storage answered {r.Status} {r.ErrorCode}" : e.Message.Split('\n', 2)[0].Trim();
}
