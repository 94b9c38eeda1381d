using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using System.Globalization;

namespace AiEnergyPipeline.Tests.Tables;

/// <summary>The Parquet.Net tables (every table but ba_hourly's bulk parts) as DuckDB reads them: the CSV twin's rows and types, compressed, with statistics.</summary>
public sealed class ParquetTableWriterDuckDbTests : IDisposable
{
    private static readonly TableSchema Schema = TestTables.EveryType;

    /// <summary>The origin of every row: never empty, one value for the whole table.</summary>
    private const string Origin = OriginColumn.Sample;

    private readonly string _folder = Repository.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Zstd)]
    public async Task ConvertAsync_ManyRowsWithNulls_ReadsInDuckDbAsItsCsvTwin(ParquetCompression compression)
    {
        var csv = await StageAsync(2500);

        var parquet = await CsvToParquet.ConvertAsync(csv, CancellationToken.None, rowGroupRows: 1000, compression: compression);

        Assert.Equal(Schema.Fields.Select(f => $"{f.Name} {DuckDbReadBack.DuckDbTypeOf(f)}"), DuckDbReadBack.ParquetColumns(parquet.LocalPath));
        var sums = DuckDbReadBack.Sums(Schema, parquet.LocalPath);
        Assert.Equal(DuckDbReadBack.Sums(Schema, csv.LocalPath), sums);
        Assert.StartsWith("2500 ", sums, StringComparison.Ordinal);
        // after the rows, each column's count of values and its sum: every column but the origin has nulls, its counts below the rows
        var counts = sums.Split(' ').Skip(1).Where((_, i) => i % 2 == 0).ToList();
        Assert.Equal(Schema.Fields.Count, counts.Count);
        Assert.All(counts[..^1], c => Assert.NotEqual("2500", c));
        Assert.Equal("2500", counts[^1]);
        Assert.Equal([new object?[] { Origin, 2500L }], DuckDbReadBack.Query($"SELECT origin, count(*) FROM read_parquet('{parquet.LocalPath}') GROUP BY origin"));
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy, "SNAPPY")]
    [InlineData(ParquetCompression.Zstd, "ZSTD")]
    public async Task ConvertAsync_Codec_EveryColumnChunkCompressedWithStatistics(ParquetCompression compression, string codec)
    {
        var csv = await StageAsync(2500);

        var parquet = await CsvToParquet.ConvertAsync(csv, CancellationToken.None, rowGroupRows: 1000, compression: compression);

        var chunks = DuckDbReadBack.ColumnChunks(parquet.LocalPath);
        Assert.Equal(3 * Schema.Fields.Count, chunks.Count);
        Assert.All(chunks, c => Assert.Equal(codec, c.Compression));
        Assert.All(chunks.Where(c => c.Column != OriginColumn.Name), c => Assert.True(c.NullCount > 0, $"{c.Column} row group {c.RowGroup}: null count {c.NullCount}"));
        // Parquet.Net gives no min and max for booleans, which could not narrow a scan anyway
        Assert.All(chunks.Where(c => c.Column != "flag"), c => Assert.True(c.Min is not null && c.Max is not null, $"{c.Column} row group {c.RowGroup}: no min or max"));
        var years = chunks.Where(c => c.Column == "year").ToList();
        Assert.Equal(["1990", "2000", "2010"], years.Select(c => c.Min));
        Assert.Equal(["1999", "2009", "2014"], years.Select(c => c.Max));
        var origins = chunks.Where(c => c.Column == OriginColumn.Name).ToList();
        Assert.Equal(3, origins.Count);
        Assert.All(origins, c => Assert.Equal((0L, Origin, Origin), (c.NullCount, c.Min, c.Max)));
    }

    /// <summary>Rows of every type, each column but the origin empty in some rows; the year climbs, a year per 100 rows.</summary>
    private async Task<StagedTable> StageAsync(int rows)
    {
        var random = new Random(17);
        var lines = new List<string> { TestTables.Header(Schema) };
        var start = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows; i++)
        {
            string Maybe(int column, string value) => (i + column) % 13 == 0 ? "" : value;
            var day = new DateOnly(2020, 1, 1).AddDays(i % 900);
            lines.Add(string.Join(',',
                Maybe(0, "BA" + (i / 250)),
                Maybe(1, (random.NextDouble() * 10_000 - 500).ToString("R", CultureInfo.InvariantCulture)),
                Maybe(2, (random.NextInt64() >> 10).ToString(CultureInfo.InvariantCulture)),
                Maybe(3, random.Next(2) == 0 ? "true" : "false"),
                // the year column is never empty in a row group's first and last row, so its bounds are known
                i % 1000 is 0 or 999 || i == rows - 1 ? (1990 + (i / 100)).ToString(CultureInfo.InvariantCulture) : Maybe(4, (1990 + (i / 100)).ToString(CultureInfo.InvariantCulture)),
                Maybe(5, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Maybe(6, day.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
                Maybe(7, start.AddHours(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
                Origin));
        }

        return await TestTables.StageCsvAsync(_folder, Schema, lines);
    }
}
