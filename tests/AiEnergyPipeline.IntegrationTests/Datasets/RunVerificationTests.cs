using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Datasets;

/// <summary>Reading a run back against its data package, from a real Azurite.</summary>
public class RunVerificationTests
{
    [Fact]
    public async Task CheckAsync_ABlobChangedAndAnInputDeleted_SaysWhichAndFindsTheRestAsListed()
    {
        var container = Azurite.NewContainer();
        await using var services = TestPipeline.Build(TestPipeline.BlobStore(container.Name));
        var runId = (await TestPipeline.RunIngestAsync(services)).RunId;
        var store = services.GetRequiredService<IDatasetStore>();
        var package = await PublishedRun.ReadPackageAsync(store, runId, CancellationToken.None);
        var changed = container.GetBlobClient($"runs/{runId}/data/generators.csv");
        var bytes = (await changed.DownloadContentAsync()).Value.Content.ToArray();
        bytes[^2] = bytes[^2] == (byte)'1' ? (byte)'2' : (byte)'1';
        await changed.UploadAsync(new BinaryData(bytes), overwrite: true);
        var input = package.Sources.First(s => s.Name == "ember").RawPath;
        await container.GetBlobClient(input).DeleteAsync();

        var checks = await RunVerification.CheckAsync(store, package, inputs: true, CancellationToken.None).ToListAsync();
        var published = await RunVerification.CheckAsync(store, package, inputs: false, CancellationToken.None).ToListAsync();

        Assert.Equal(package.Resources.Count + package.Sources.Select(s => s.RawPath).Distinct().Count(), checks.Count);
        var damaged = Assert.Single(checks, c => c.Status == FileCheckStatus.Damaged);
        Assert.Equal(($"runs/{runId}/data/generators.csv", FileRole.Published), (damaged.Path, damaged.Role));
        Assert.Matches("^sha256 [0-9a-f]{64}, [0-9a-f]{64} listed$", damaged.Detail);
        var missing = Assert.Single(checks, c => c.Status == FileCheckStatus.Missing);
        Assert.Equal((input, FileRole.Input), (missing.Path, missing.Role));
        Assert.Equal(package.Resources.Count, published.Count);
        Assert.All(published.Where(c => c.Path != damaged.Path), c => Assert.Equal(FileCheckStatus.Ok, c.Status));
    }
}
