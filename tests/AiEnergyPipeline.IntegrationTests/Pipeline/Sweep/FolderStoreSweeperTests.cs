using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Pipeline.Sweep;
using AiEnergyPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AiEnergyPipeline.IntegrationTests.Pipeline.Sweep;

/// <summary>The sweep on a folder store: its temporary files are "*.tmp" beside the object, hidden from listings.</summary>
public class FolderStoreSweeperTests : StoreSweeperContract
{
    protected override bool CanBackdateTemporary => true;

    protected override Dictionary<string, string?> NewStoreSettings() => TestPipeline.FolderStore(TestPaths.NewTempFolder());

    protected override Task PutTemporaryAsync(IDatasetStore store, Dictionary<string, string?> settings, string path, DateTimeOffset? written)
    {
        var file = Path.Combine(settings["PublishedStorage:Path"]!, path.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "half");
        if (written is { } time)
        {
            File.SetLastWriteTimeUtc(file, time.UtcDateTime);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task SweepAsync_SidecarsHalfWriteLeftByACrash_IsRemovedWhenOldAndKeptWhileYoung()
    {
        var settings = NewStoreSettings();
        var now = DateTimeOffset.UtcNow;
        await using var services = TestPipeline.Build(settings, new FakeTimeProvider(now));
        var store = services.GetRequiredService<IDatasetStore>();
        await store.WriteAsync("runs/x/data/generators.csv", new MemoryStream("a\n"u8.ToArray()), WriteCondition.None, new StoreWriteOptions(ContentTypes.Csv));
        // A crash between a sidecar's write and its move leaves "<sidecar>.<guid>.tmp" in the store's own .meta folder.
        const string old = ".meta/runs/x/data/generators.csv.json.0123456789abcdef0123456789abcdef.tmp";
        const string young = ".meta/runs/x/data/generators.csv.json.fedcba9876543210fedcba9876543210.tmp";
        await PutTemporaryAsync(store, settings, old, now.AddDays(-3));
        await PutTemporaryAsync(store, settings, young, now.AddMinutes(-5));

        var report = await services.GetRequiredService<StoreSweeper>().SweepAsync("test", dryRun: false, CancellationToken.None);

        Assert.Empty(report.Errors);
        Assert.Equal([old], report.Removed.Where(r => r.Kind == SweepKind.TempFile).Select(r => r.Path));
        Assert.Equal([young], await TemporaryAsync(store, settings));
        Assert.Equal("text/csv", (await store.GetInfoAsync("runs/x/data/generators.csv"))!.ContentType?.Split(';')[0]);
    }

    protected override Task<List<string>> TemporaryAsync(IDatasetStore store, Dictionary<string, string?> settings) =>
        // The app's store describes failures around the folder store, which keeps the temporary files.
        Task.FromResult((store as ITemporaryObjects ?? ((FailureDescribingStore)store).TemporaryObjects!).ListTemporary().Select(t => t.Path).ToList());
}
