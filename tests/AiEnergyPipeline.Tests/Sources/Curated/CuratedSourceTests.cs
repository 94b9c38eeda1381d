using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Curated;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using System.Security.Cryptography;

namespace AiEnergyPipeline.Tests.Sources.Curated;

public class CuratedSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 6, 0, 0, TimeSpan.Zero);

    private static CuratedSource Source(string? folder) =>
        new(Options.Create(new CuratedOptions { Path = folder }), new FakeTimeProvider(Now), NullLogger<CuratedSource>.Instance);

    private static (RawArchive Archive, string Store) NewArchive()
    {
        var store = Repository.NewTempFolder();
        return (new RawArchive(new FileSystemDatasetStore(store), Repository.NewTempFolder()), store);
    }

    [Fact]
    public async Task FetchAsync_Folder_ArchivesEveryFileSortedByNameWithRepoUrls()
    {
        var folder = Repository.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "technology_classes.csv"), "a\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "assumptions.csv"), "b\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "demand_scenarios.csv"), "c\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "Zebra.json"), "{}");
        var (archive, store) = NewArchive();

        var files = await Source(folder).FetchAsync(archive, CancellationToken.None);

        Assert.Equal(["Zebra.json", "assumptions.csv", "demand_scenarios.csv", "technology_classes.csv"], files.Select(f => f.FileName));
        Assert.All(files, f =>
        {
            Assert.Equal("curated", f.Source);
            Assert.Equal("repo:curated/" + f.FileName, f.Url);
            Assert.Equal(Now, f.FetchedAtUtc);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, f.FileName)))), f.Sha256);
            Assert.True(File.Exists(Path.Combine(store, f.RawPath)));
        });
        Assert.Equal("raw/curated/" + files[1].Sha256 + ".csv", files[1].RawPath);
        Assert.EndsWith(".json", files[0].RawPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_DotFilesAndSubfolders_AreLeftOut()
    {
        var folder = Repository.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "assumptions.csv"), "b\n");
        await File.WriteAllTextAsync(Path.Combine(folder, ".DS_Store"), "x");
        Directory.CreateDirectory(Path.Combine(folder, "drafts"));
        await File.WriteAllTextAsync(Path.Combine(folder, "drafts", "old.csv"), "y");

        var files = await Source(folder).FetchAsync(NewArchive().Archive, CancellationToken.None);

        Assert.Equal("assumptions.csv", Assert.Single(files).FileName);
    }

    [Fact]
    public async Task FetchAsync_SameFilesTwice_RecognisesThemAsArchived()
    {
        var folder = Repository.NewTempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "assumptions.csv"), "b\n");
        var (archive, _) = NewArchive();

        var first = await Source(folder).FetchAsync(archive, CancellationToken.None);
        var second = await Source(folder).FetchAsync(archive, CancellationToken.None);

        Assert.False(first[0].AlreadyArchived);
        Assert.True(second[0].AlreadyArchived);
        Assert.Equal(first[0].RawPath, second[0].RawPath);
    }

    [Fact]
    public async Task FetchAsync_NoPathSet_ReadsTheFolderThatShipsBesideTheProgram()
    {
        var files = await Source(" ").FetchAsync(NewArchive().Archive, CancellationToken.None);

        Assert.Contains(files, f => f.FileName == "demand_scenarios.csv");
        Assert.Contains(files, f => f.FileName == "assumptions.csv");
        Assert.Equal(Directory.EnumerateFiles(CuratedOptions.DefaultPath).Count(p => !Path.GetFileName(p).StartsWith('.')), files.Count);
    }

    [Fact]
    public async Task FetchAsync_MissingFolder_FailsNamingItAndTheSetting()
    {
        var missing = Path.Combine(Repository.NewTempFolder(), "nowhere");

        var error = await Assert.ThrowsAsync<SourceException>(() => Source(missing).FetchAsync(NewArchive().Archive, CancellationToken.None));

        Assert.Equal("curated", error.SourceName);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("Sources:Curated:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_EmptyFolder_FailsSayingSo()
    {
        var error = await Assert.ThrowsAsync<SourceException>(() => Source(Repository.NewTempFolder()).FetchAsync(NewArchive().Archive, CancellationToken.None));

        Assert.Contains("holds no files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Citation_NamesTheProjectAndItsLicence()
    {
        var source = Source(null);

        Assert.Equal("curated", source.Name);
        Assert.Equal("AiEnergyPipeline curated scenarios and assumptions", source.Citation.Title);
        Assert.Contains("cite", source.Citation.Licence.Attribution, StringComparison.Ordinal);
    }
}
