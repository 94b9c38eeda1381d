using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Storage;

/// <summary>
/// Runs on a folder store that fails as local disks do (full, read-only), composed as the CLI composes
/// them: the failures name the operation, the object, the store and the cause, and count as store faults
/// (exit 1, "publish failed"), not as usage errors.
/// </summary>
public class StoreFaultRunTests
{
    [Fact]
    public async Task RunAsync_DiskFullWhilePublishing_FailsWithPublishFailedNamingTheStoreAndTheCause()
    {
        var store = TestPaths.NewTempFolder();
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(store), new FakeTimeProvider(TestPipeline.Now), configure: s =>
            s.AddSingleton<IDatasetStore>(new FailureDescribingStore(new FailingDatasetStore(new FileSystemDatasetStore(store), successfulWrites: 3,
                failure: path => new IOException($"No space left on device : '{Path.Combine(store, path)}.0f3c.tmp'", 28)))));

        var outcome = await new InProcessFanOut(services).RunAsync("cli", CancellationToken.None);

        Assert.Equal(RunStatus.Failed, outcome.Status);
        // The fourth write into the run folder fails: a cached part copied there, or a table written.
        Assert.Matches($"publish failed: (writing|copying '[^']+' to) 'runs/{outcome.RunId}/", outcome.Message);
        Assert.Contains($"in {store}: No space left on device", outcome.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(store, "latest.json")));
    }

    [Fact]
    public async Task RunAsync_ReadOnlyFolderStore_ThrowsAStoreFaultNamingTheWriteAndTheStore()
    {
        var store = TestPaths.NewTempFolder();
        await using var services = TestPipeline.Build(TestPipeline.FolderStore(store), new FakeTimeProvider(TestPipeline.Now), configure: s =>
            s.AddSingleton<IDatasetStore>(new FailureDescribingStore(new ReadOnlyDatasetStore(new FileSystemDatasetStore(store)))));

        var e = await Assert.ThrowsAnyAsync<Exception>(() => new InProcessFanOut(services).RunAsync("cli", CancellationToken.None));

        // The CLI answers this "error: publish failed: <description>" with exit 1.
        Assert.True(StorageFailures.IsStoreFault(e), e.ToString());
        var description = StorageFailures.Describe(e);
        Assert.StartsWith("writing '", description, StringComparison.Ordinal);
        Assert.Contains($"in {store}: Access to the path", description, StringComparison.Ordinal);
        Assert.EndsWith("is denied.", description, StringComparison.Ordinal);
    }
}
