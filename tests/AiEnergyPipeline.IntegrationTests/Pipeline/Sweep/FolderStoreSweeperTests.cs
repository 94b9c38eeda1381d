using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Storage;

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

    protected override Task<List<string>> TemporaryAsync(IDatasetStore store, Dictionary<string, string?> settings) =>
        // The app's store describes failures around the folder store, which keeps the temporary files.
        Task.FromResult((store as ITemporaryObjects ?? ((FailureDescribingStore)store).TemporaryObjects!).ListTemporary().Select(t => t.Path).ToList());
}
