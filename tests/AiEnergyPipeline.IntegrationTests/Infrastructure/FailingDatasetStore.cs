using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.IntegrationTests.Infrastructure;

/// <summary>
/// A store that passes everything to a real one, except that writes under <c>runs/</c> fail
/// after the first <paramref name="successfulWrites"/> of them, for <paramref name="failingWrites"/>
/// writes (then succeed again): a storage outage or a transient fault in the middle of publishing.
/// <paramref name="failure"/> makes the exception of a failed write (default: an IOException naming <see cref="Cause"/>).
/// </summary>
internal sealed class FailingDatasetStore(IDatasetStore inner, int successfulWrites, int failingWrites = int.MaxValue, Func<string, Exception>? failure = null) : IDatasetStore
{
    public const string Cause = "injected storage failure";
    private int _runWrites;

    public string Description => inner.Description;

    /// <summary>The paths of the writes that failed, in order.</summary>
    public List<string> Failed { get; } = [];

    public Task<string> WriteAsync(string path, Stream content, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        FailIfDue(path);
        return inner.WriteAsync(path, content, condition, options, cancellationToken);
    }

    /// <summary>A copy into runs/ counts as a write there: publishing copies cached parts.</summary>
    public Task<string> CopyAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        FailIfDue(to);
        return inner.CopyAsync(from, to, cancellationToken);
    }

    private void FailIfDue(string path)
    {
        if (path.StartsWith("runs/", StringComparison.Ordinal))
        {
            var n = Interlocked.Increment(ref _runWrites);
            if (n > successfulWrites && n - successfulWrites <= failingWrites)
            {
                Failed.Add(path);
                throw failure?.Invoke(path) ?? new IOException($"{Cause} writing {path}");
            }
        }
    }

    public Task<StoredObject?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

    public Task<StoredObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => inner.GetInfoAsync(path, cancellationToken);

    public IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);
}
