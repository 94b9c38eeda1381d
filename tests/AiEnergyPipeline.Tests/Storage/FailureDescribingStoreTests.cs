using AiEnergyPipeline.Storage;

namespace AiEnergyPipeline.Tests.Storage;

public class FailureDescribingStoreTests
{
    /// <summary>A store whose every operation throws what it is given.</summary>
    private sealed class ThrowingStore(Func<Exception> failure) : IDatasetStore
    {
        public string Description => "/srv/published";

        public Task<string> WriteAsync(string path, Stream content, WriteCondition condition, StoreWriteOptions? options = null, CancellationToken cancellationToken = default) => throw failure();

        public Task<StoredObject?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => throw failure();

        public Task<StoredObjectInfo?> GetInfoAsync(string path, CancellationToken cancellationToken = default) => throw failure();

        public IAsyncEnumerable<StoredObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => Throw();

        public Task<string> CopyAsync(string from, string to, CancellationToken cancellationToken = default) => throw failure();

        private async IAsyncEnumerable<StoredObjectInfo> Throw()
        {
            await Task.Yield();
            throw failure();
#pragma warning disable CS0162 // An iterator needs a yield to be one.
            yield break;
#pragma warning restore CS0162
        }
    }

    [Fact]
    public async Task WriteAsync_DiskFull_ThrowsNamingOperationPathStoreAndCause()
    {
        var store = new FailureDescribingStore(new ThrowingStore(() => new IOException("No space left on device : '/srv/published/latest.json.1f.tmp'", 28)));

        var e = await Assert.ThrowsAsync<StoreFailedException>(() => store.WriteAsync("latest.json", new MemoryStream(), WriteCondition.None));

        Assert.Equal("writing 'latest.json' in /srv/published: No space left on device : '/srv/published/latest.json.1f.tmp'", e.Message);
        Assert.True(StorageFailures.IsStoreFault(e));
    }

    [Fact]
    public async Task ListAsync_ReadOnlyFolder_ThrowsNamingTheListing()
    {
        var store = new FailureDescribingStore(new ThrowingStore(() => new UnauthorizedAccessException("Access to the path '/srv/published/runs' is denied.")));

        var e = await Assert.ThrowsAsync<StoreFailedException>(async () =>
        {
            await foreach (var _ in store.ListAsync("runs/"))
            {
            }
        });

        Assert.Equal("listing 'runs/*' in /srv/published: Access to the path '/srv/published/runs' is denied.", e.Message);
    }

    [Fact]
    public async Task WriteAsync_ConditionFailed_PassesUnchangedForTheSwingToRetry()
    {
        var store = new FailureDescribingStore(new ThrowingStore(() => new StoreConditionFailedException("latest.json", "ETag mismatch")));

        await Assert.ThrowsAsync<StoreConditionFailedException>(() => store.WriteAsync("latest.json", new MemoryStream(), WriteCondition.IfNotExists));
    }

    [Fact]
    public async Task OpenReadAsync_CallerCancelled_PassesTheCancellationUnchanged()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var store = new FailureDescribingStore(new ThrowingStore(() => new OperationCanceledException(cancelled.Token)));

        await Assert.ThrowsAsync<OperationCanceledException>(() => store.OpenReadAsync("latest.json", cancelled.Token));
    }

    [Fact]
    public async Task GetInfoAsync_SdkTimeout_IsAFailureNotACancellation()
    {
        var store = new FailureDescribingStore(new ThrowingStore(() => new TaskCanceledException("The operation was cancelled because it exceeded the configured timeout of 0:00:05.")));

        var e = await Assert.ThrowsAsync<StoreFailedException>(() => store.GetInfoAsync("latest.json"));

        Assert.Contains("reading the properties of 'latest.json' in /srv/published: timed out:", e.Message, StringComparison.Ordinal);
    }
}
