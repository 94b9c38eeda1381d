using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Tables;

public class ParquetSiblingsTests
{
    private const string Row = "a,1,1,true,2025,2025-01-01,2025-01,2025-01-01T00:00:00Z,fetched";

    [Fact]
    public async Task AddAsync_CsvTablesAndOtherFiles_PutsAParquetRightAfterEachCsvOnly()
    {
        var folder = Repository.NewTempFolder();
        var csv = await TestTables.StageCsvAsync(folder, TestTables.EveryType, [TestTables.Header(TestTables.EveryType), Row]);
        var jsonPath = Path.Combine(folder, "headline.json");
        await File.WriteAllTextAsync(jsonPath, "{}");
        var json = await StagedTable.OfFileAsync(Schemas.GapHeadline, jsonPath, "json", Schemas.GapFolder, CancellationToken.None);

        var files = await ParquetSiblings.AddAsync([csv, json], ParquetCompression.Snappy, CancellationToken.None);

        Assert.Equal(["data/every_type.csv", "data/every_type.parquet", "gap/headline.json"], files.Select(f => f.RelativePath));
        Assert.Equal(1, files[1].Rows);
        Assert.True(File.Exists(files[1].LocalPath));
    }

    [Fact]
    public async Task AddAsync_OneTableOfSampleRows_OnlyItsParquetSaysSampleInItsFooter()
    {
        var folder = Repository.NewTempFolder();
        var sample = await TestTables.StageCsvAsync(folder, TestTables.EveryType, [TestTables.Header(TestTables.EveryType), Row]);
        var curated = await TestTables.StageCsvAsync(folder, TestTables.EveryType with { Name = "curated_type" }, [TestTables.Header(TestTables.EveryType), Row]);

        var files = await ParquetSiblings.AddAsync([sample, curated], ParquetCompression.Snappy, CancellationToken.None, t => t.Schema.Name == TestTables.EveryType.Name);

        Assert.Equal("true", (await FooterAsync(files[1].LocalPath)).GetValueOrDefault(ParquetLabels.SampleKey));
        Assert.False((await FooterAsync(files[3].LocalPath)).ContainsKey(ParquetLabels.SampleKey));
    }

    private static async Task<Dictionary<string, string>> FooterAsync(string path)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await Parquet.ParquetReader.CreateAsync(stream);
        return new Dictionary<string, string>(reader.CustomMetadata);
    }

    [Fact]
    public async Task AddAsync_ParquetAlreadyWritten_KeepsItOnceAfterItsCsvAndWritesNoOther()
    {
        var folder = Repository.NewTempFolder();
        var csv = await TestTables.StageCsvAsync(folder, TestTables.EveryType, [TestTables.Header(TestTables.EveryType), Row]);
        var own = await CsvToParquet.ConvertAsync(csv, CancellationToken.None, Path.Combine(folder, "own.parquet"));

        // Listed before its CSV, as a normaliser may return it.
        var files = await ParquetSiblings.AddAsync([own, csv], ParquetCompression.Snappy, CancellationToken.None);

        Assert.Equal([csv, own], files);
        Assert.False(File.Exists(Path.Combine(folder, "every_type.parquet")));
    }

    [Fact]
    public async Task AddAsync_TableInParts_WritesAParquetBesideEachPart()
    {
        var folder = Repository.NewTempFolder();
        var first = await TestTables.StageCsvAsync(folder, TestTables.EveryType, [TestTables.Header(TestTables.EveryType), Row], part: "2025_h1");
        var second = await TestTables.StageCsvAsync(folder, TestTables.EveryType, [TestTables.Header(TestTables.EveryType), Row, Row], part: "2025_h2");

        var files = await ParquetSiblings.AddAsync([first, second], ParquetCompression.Snappy, CancellationToken.None);

        Assert.Equal(["data/every_type/2025_h1.csv", "data/every_type/2025_h1.parquet", "data/every_type/2025_h2.csv", "data/every_type/2025_h2.parquet"], files.Select(f => f.RelativePath));
        var back = await ParquetReadBack.ReadAsync(files[3].LocalPath);
        Assert.Equal(2, back.Rows.Count);
        Assert.Equal(OriginColumn.Name, back.Columns[^1]);
        Assert.All(back.Rows, r => Assert.Equal(OriginColumn.Fetched, r[^1]));
    }

    [Fact]
    public async Task AddAsync_ParquetOfAnotherPart_DoesNotStandInForThisOne()
    {
        var folder = Repository.NewTempFolder();
        var first = await TestTables.StageCsvAsync(folder, TestTables.EveryType, [TestTables.Header(TestTables.EveryType), Row], part: "2025_h1");
        var second = await TestTables.StageCsvAsync(folder, TestTables.EveryType, [TestTables.Header(TestTables.EveryType), Row], part: "2025_h2");
        var firstParquet = await CsvToParquet.ConvertAsync(first, CancellationToken.None);

        var files = await ParquetSiblings.AddAsync([first, firstParquet, second], ParquetCompression.Snappy, CancellationToken.None);

        Assert.Equal(["data/every_type/2025_h1.csv", "data/every_type/2025_h1.parquet", "data/every_type/2025_h2.csv", "data/every_type/2025_h2.parquet"], files.Select(f => f.RelativePath));
        Assert.Same(firstParquet, files[1]);
    }
}
