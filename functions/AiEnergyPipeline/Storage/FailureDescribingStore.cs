using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;

namespace AiEnergyPipeline.Storage;

/// <summary>
/// Wraps a store so that its failures say what failed: the SDK's <see cref="RequestFailedException"/>
/// has status 0 and a generic message for a refused connection, and an <see cref="IOException"/> of a
/// full disk names a temporary file. Each becomes a <see cref="StoreFailedException"/> naming the
/// operation, the object, the store and the cause. The failures callers act on pass unchanged: a
/// condition that did not hold (the swing of latest.json retries on it), a missing copy source (the
/// interface's contract), and cancellation of the caller's own token.
/// </summary>
public sealed class FailureDescribingStore(IDatasetStore inner) : IDatasetStore
{
    public string Description => inner.Description;

    public async Task<string> WriteAsync(string path, Stream content, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.WriteAsync(path, content, condition, options, cancellationToken);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            throw Failed("writing", path, e);
        }
    }

    public async Task<string> WriteFileAsync(string path, string localFile, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.WriteFileAsync(path, localFile, condition, options, cancellationToken);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            throw Failed("writing", path, e);
        }
    }

    public string? LocalPathOf(string path) => inner.LocalPathOf(path);

    public async Task<StoredObject?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.OpenReadAsync(path, cancellationToken);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            throw Failed("reading", path, e);
        }
    }

    public async Task<StoredObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.GetInfoAsync(path, cancellationToken);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            throw Failed("reading the properties of", path, e);
        }
    }

    public async IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A yield cannot sit inside a try with a catch: each step of the inner listing is guarded instead.
        await using var items = inner.ListAsync(prefix, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await items.MoveNextAsync();
            }
            catch (Exception e) when (IsFailure(e, cancellationToken))
            {
                throw Failed("listing", prefix + "*", e);
            }

            if (!more)
            {
                yield break;
            }

            yield return items.Current;
        }
    }

    public async Task<string> CopyAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.CopyAsync(from, to, cancellationToken);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken) && e is not FileNotFoundException)
        {
            throw Failed($"copying '{from}' to", to, e);
        }
    }

    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.DeleteAsync(path, cancellationToken);
        }
        catch (Exception e) when (IsFailure(e, cancellationToken))
        {
            throw Failed("deleting", path, e);
        }
    }

    /// <summary>The wrapped store's temporary objects, when it keeps them apart from its listing (a folder store); else null.</summary>
    public ITemporaryObjects? TemporaryObjects => inner as ITemporaryObjects;

    private StoreFailedException Failed(string operation, string path, Exception e) =>
        new(operation, path, inner.Description, StorageFailures.Describe(e), e);

    /// <summary>A failure of the storage; a time-out of the SDK is a cancellation that the caller did not ask for.</summary>
    private static bool IsFailure(Exception e, CancellationToken cancellationToken) =>
        e is not (StoreConditionFailedException or StoreFailedException)
        && (e is IOException or UnauthorizedAccessException or RequestFailedException or AggregateException or JsonException or System.Net.Http.HttpRequestException or Azure.Identity.AuthenticationFailedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested));
}
