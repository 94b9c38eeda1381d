using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.IntegrationTests.Datasets;

/// <summary>A published file changed in the store after it was published is never read as if it were whole.</summary>
public class PublishedDatasetsChecksumTests
{
    /// <summary>Changes one byte of a published file, keeping its size (which is all the run's integrity check looks at).</summary>
    private static void Damage(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var last = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2);
        bytes[last + 1] = bytes[last + 1] == (byte)'X' ? (byte)'Y' : (byte)'X';
        File.WriteAllBytes(path, bytes);
    }

    private static async Task<(string Store, PublishedDatasets Datasets, ServiceProvider Services)> PublishedAsync()
    {
        var store = TestPaths.NewTempFolder();
        await TestPipeline.RunIngestAsync(store);
        var services = TestPipeline.Build(TestPipeline.FolderStore(store));
        return (store, services.GetRequiredService<PublishedDatasets>(), services);
    }

    [Fact]
    public async Task OpenAsync_FileChangedInTheStore_ReadingItToTheEndThrowsNamingTheFileAndBothHashes()
    {
        var (store, datasets, services) = await PublishedAsync();
        await using var _ = services;
        var run = Directory.GetDirectories(Path.Combine(store, "runs")).Single();
        var path = Path.Combine(run, "data", "generators.csv");
        var listed = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
        Damage(path);

        var lookup = await datasets.OpenAsync("generators", "csv", null, CancellationToken.None);
        Assert.Equal(LookupStatus.Found, lookup.Status);
        await using var opened = lookup.Object!;
        var error = await Assert.ThrowsAsync<DamagedFileException>(() => opened.Content.CopyToAsync(Stream.Null));

        Assert.StartsWith("data/generators.csv is damaged in the store: its ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"not {listed} as the run's datapackage.json lists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_APartChangedInTheStore_ReadingTheWholeTableThrowsNamingThePart()
    {
        var (store, datasets, services) = await PublishedAsync();
        await using var _ = services;
        var run = Directory.GetDirectories(Path.Combine(store, "runs")).Single();
        Damage(Path.Combine(run, "data", "ba_hourly", "2025_h2.csv"));

        await using var whole = (await datasets.OpenAsync("ba_hourly", "csv", null, CancellationToken.None)).Object!;
        await using var first = (await datasets.OpenAsync("ba_hourly", "csv", null, CancellationToken.None, "2025_h1")).Object!;
        var error = await Assert.ThrowsAsync<DamagedFileException>(() => whole.Content.CopyToAsync(Stream.Null));

        Assert.StartsWith("data/ba_hourly/2025_h2.csv is damaged in the store", error.Message, StringComparison.Ordinal);
        // An undamaged part still reads whole.
        await first.Content.CopyToAsync(Stream.Null);
    }

    [Fact]
    public async Task OpenRunFileAsync_AListedFileChanged_ThrowsAtTheEndWhileTheRunsDocumentsStillRead()
    {
        var (store, datasets, services) = await PublishedAsync();
        await using var _ = services;
        var runId = Path.GetFileName(Directory.GetDirectories(Path.Combine(store, "runs")).Single());
        Damage(Path.Combine(store, "runs", runId, "data", "ba_annual.csv"));

        await using var file = (await datasets.OpenRunFileAsync(runId, "data/ba_annual.csv", CancellationToken.None)).Object!;
        await using var package = (await datasets.OpenRunFileAsync(runId, "datapackage.json", CancellationToken.None)).Object!;
        await using var page = (await datasets.OpenRunFileAsync(runId, "index.html", CancellationToken.None)).Object!;

        var error = await Assert.ThrowsAsync<DamagedFileException>(() => file.Content.CopyToAsync(Stream.Null));
        Assert.StartsWith("data/ba_annual.csv is damaged in the store", error.Message, StringComparison.Ordinal);
        await package.Content.CopyToAsync(Stream.Null);
        await page.Content.CopyToAsync(Stream.Null);
    }

    [Fact]
    public async Task OpenAsync_FilesAsPublished_ReadWholeWithoutComplaint()
    {
        var (_, datasets, services) = await PublishedAsync();
        await using var _ = services;

        foreach (var (name, format) in new[] { ("generators", "csv"), ("generators", "parquet"), ("ba_hourly", "csv"), ("headline", "json"), ("gap", "svg") })
        {
            await using var opened = (await datasets.OpenAsync(name, format, null, CancellationToken.None)).Object!;
            using var copy = new MemoryStream();
            await opened.Content.CopyToAsync(copy);
            Assert.True(copy.Length > 0, $"{name}.{format}");
        }
    }
}
