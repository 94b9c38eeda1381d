using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Tables;

public class CsvToParquetTests
{
    private static readonly TableSchema Schema = TestTables.EveryType;

    [Fact]
    public async Task ConvertAsync_EveryType_ReadsBackWithTheSchemaTypesAndValues()
    {
        var folder = Repository.NewTempFolder();
        var csv = await TestTables.StageCsvAsync(folder, Schema,
        [
            TestTables.Header(Schema),
            "\"PJM, East\",1234.5,-7,true,2025,2025-03-01,2025-03,2025-12-25T09:00:00Z,sample",
            "CISO,-0.000001,9007199254740993,false,1999,1999-12-31,1999-12,2024-02-29T23:00:00Z,sample",
        ]);

        var parquet = await CsvToParquet.ConvertAsync(csv, CancellationToken.None);
        var back = await ParquetReadBack.ReadAsync(parquet.LocalPath);

        Assert.Equal(Schema.ColumnNames, back.Columns);
        Assert.Equal(OriginColumn.Name, back.Columns[^1]);
        Assert.Equal([typeof(string), typeof(double), typeof(long), typeof(bool), typeof(int), typeof(DateOnly), typeof(string), typeof(DateTime), typeof(string)], back.ClrTypes);
        Assert.Equal("INT64 TIMESTAMP(utc=True,MICROS)", back.LogicalTypes[7]);
        Assert.Equal("INT32 DATE", back.LogicalTypes[5]);
        Assert.Equal("BYTE_ARRAY STRING", back.LogicalTypes[^1]);
        Assert.Equal(new object?[] { "PJM, East", 1234.5, -7L, true, 2025, new DateOnly(2025, 3, 1), "2025-03", new DateTime(2025, 12, 25, 9, 0, 0, DateTimeKind.Utc), "sample" }, back.Rows[0]);
        Assert.Equal(new object?[] { "CISO", -0.000001, 9007199254740993L, false, 1999, new DateOnly(1999, 12, 31), "1999-12", new DateTime(2024, 2, 29, 23, 0, 0, DateTimeKind.Utc), "sample" }, back.Rows[1]);
        Assert.Equal(DateTimeKind.Utc, ((DateTime)back.Rows[0][7]!).Kind);
    }

    [Fact]
    public async Task ConvertAsync_StagedCsv_DescribesTheParquetForTheDataPackage()
    {
        var folder = Repository.NewTempFolder();
        var csv = await TestTables.StageCsvAsync(folder, Schema, [TestTables.Header(Schema), "a,1,1,true,2025,2025-01-01,2025-01,2025-01-01T00:00:00Z,fetched"]);

        var parquet = await CsvToParquet.ConvertAsync(csv, CancellationToken.None);

        Assert.Equal(Path.Combine(folder, "every_type.parquet"), parquet.LocalPath);
        Assert.Equal("parquet", parquet.Format);
        Assert.Equal("data/every_type.parquet", parquet.RelativePath);
        Assert.Equal(1, parquet.Rows);
        Assert.Equal(new FileInfo(parquet.LocalPath).Length, parquet.Bytes);
        Assert.Equal((await Hashing.Sha256OfFileAsync(parquet.LocalPath, CancellationToken.None)).Sha256, parquet.Sha256);
        Assert.Equal("PAR1"u8.ToArray(), (await File.ReadAllBytesAsync(parquet.LocalPath))[..4]);
    }

    [Fact]
    public async Task ConvertAsync_EmptyCells_BecomeNullsInEveryType()
    {
        var folder = Repository.NewTempFolder();
        var csv = await TestTables.StageCsvAsync(folder, Schema, [TestTables.Header(Schema), ",,,,,,,,", "x,,,,,,,,"]);

        var back = await ParquetReadBack.ReadAsync((await CsvToParquet.ConvertAsync(csv, CancellationToken.None)).LocalPath);

        Assert.All(back.Rows[0], Assert.Null);
        Assert.Equal("x", back.Rows[1][0]);
        Assert.All(back.Rows[1].Skip(1), Assert.Null);
    }

    [Theory]
    [InlineData(1, "12x", "value_mw", "number")]
    [InlineData(2, "1.5", "count", "integer")]
    [InlineData(3, "yes", "flag", "boolean")]
    [InlineData(4, "MMXXV", "year", "year")]
    [InlineData(5, "2025-02-30", "day", "date")]
    [InlineData(7, "2025-12-25 09:00", "period_end_utc", "datetime")]
    public async Task ConvertAsync_ValueNotOfItsType_FailsNamingTableLineColumnAndValue(int column, string value, string name, string type)
    {
        var folder = Repository.NewTempFolder();
        var good = "a,1,1,true,2025,2025-01-01,2025-01,2025-01-01T00:00:00Z,fetched";
        var cells = good.Split(',');
        cells[column] = value;
        var csv = await TestTables.StageCsvAsync(folder, Schema, [TestTables.Header(Schema), good, string.Join(',', cells)]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => CsvToParquet.ConvertAsync(csv, CancellationToken.None));

        Assert.Equal($"table data/every_type.csv line 3 column {name}: '{value}' is not a valid {type}.", error.Message);
    }

    [Fact]
    public async Task ConvertAsync_HeaderNotTheSchemas_FailsShowingBoth()
    {
        var folder = Repository.NewTempFolder();
        var csv = await TestTables.StageCsvAsync(folder, Schema, [TestTables.Header(Schema).Replace("value_mw", "value_gw", StringComparison.Ordinal), "a,1,1,true,2025,2025-01-01,2025-01,2025-01-01T00:00:00Z,fetched"]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => CsvToParquet.ConvertAsync(csv, CancellationToken.None));

        Assert.Contains("name,value_gw,count", error.Message, StringComparison.Ordinal);
        Assert.Contains("not the schema's 'name,value_mw,count", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertAsync_MoreRowsThanOneRowGroup_WritesEveryRowInOrderAcrossRowGroups()
    {
        var folder = Repository.NewTempFolder();
        var lines = new List<string> { TestTables.Header(Schema) };
        lines.AddRange(Enumerable.Range(0, 2500).Select(i => $"ba{i % 7},{i}.5,{i},{(i % 2 == 0 ? "true" : "")},{2000 + (i % 30)},,,{new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i):yyyy-MM-dd'T'HH:mm:ss'Z'},recorded"));
        var csv = await TestTables.StageCsvAsync(folder, Schema, lines);

        var parquet = await CsvToParquet.ConvertAsync(csv, CancellationToken.None, rowGroupRows: 1000);
        var back = await ParquetReadBack.ReadAsync(parquet.LocalPath);

        Assert.Equal(3, back.RowGroups);
        Assert.Equal(2500, parquet.Rows);
        Assert.Equal(2500, back.Rows.Count);
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (object)(long)i), back.Rows.Select(r => r[2]));
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => i % 2 == 0 ? (object)true : null), back.Rows.Select(r => r[3]));
        Assert.Equal(new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(2499), back.Rows[^1][7]);
        Assert.Equal("ba6", back.Rows[1000][0]);
        Assert.All(back.Rows, r => Assert.Equal(OriginColumn.Recorded, r[^1]));
    }

    [Fact]
    public async Task ConvertAsync_EmptyTable_WritesTheColumnsAndNoRows()
    {
        var folder = Repository.NewTempFolder();
        var csv = await TestTables.StageCsvAsync(folder, Schema, [TestTables.Header(Schema)]);

        var parquet = await CsvToParquet.ConvertAsync(csv, CancellationToken.None);
        var back = await ParquetReadBack.ReadAsync(parquet.LocalPath);

        Assert.Equal(0, parquet.Rows);
        Assert.Empty(back.Rows);
        Assert.Equal(Schema.ColumnNames, back.Columns);
    }

    [Fact]
    public async Task ConvertAsync_Part_WritesBesideThePartAndKeepsItsFolderAndPart()
    {
        var folder = Repository.NewTempFolder();
        var csv = await TestTables.StageCsvAsync(folder, Schema, [TestTables.Header(Schema), "a,1,1,true,2025,2025-01-01,2025-01,2025-01-01T00:00:00Z,fetched"], part: "2025_h1");

        var parquet = await CsvToParquet.ConvertAsync(csv, CancellationToken.None);

        Assert.Equal(Path.Combine(folder, "every_type", "2025_h1.parquet"), parquet.LocalPath);
        Assert.Equal("data/every_type/2025_h1.parquet", parquet.RelativePath);
    }

    [Fact]
    public async Task ConvertAsync_TableWriterOutput_RoundTrips()
    {
        var folder = Repository.NewTempFolder();
        await using var writer = TableWriter.Create(folder, Schemas.BaHourly, OriginColumn.Fetched);
        writer.Csv.WriteField("PJM");
        writer.WriteUtc(new DateTime(2025, 7, 1, 5, 0, 0, DateTimeKind.Utc));
        writer.Csv.WriteField("demand");
        writer.Csv.WriteField(81234.25);
        writer.Csv.WriteField("bulk");
        writer.Csv.WriteField(false);
        writer.Csv.WriteField("ok");
        writer.EndRow();
        var csv = await writer.CompleteAsync(CancellationToken.None);

        var back = await ParquetReadBack.ReadAsync((await CsvToParquet.ConvertAsync(csv, CancellationToken.None)).LocalPath);

        Assert.Equal(OriginColumn.Name, back.Columns[^1]);
        Assert.Equal(typeof(string), back.ClrTypes[^1]);
        Assert.Equal(new object?[] { "PJM", new DateTime(2025, 7, 1, 5, 0, 0, DateTimeKind.Utc), "demand", 81234.25, "bulk", false, "ok", OriginColumn.Fetched }, Assert.Single(back.Rows));
    }
}
