using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Sources.Eia930.ParquetFormat;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using System.Globalization;
using System.Security.Cryptography;

namespace AiEnergyPipeline.Tests.Sources.Eia930.ParquetFormat;

/// <summary>The purpose-built ba_hourly Parquet writer, read back with Parquet.Net.</summary>
public sealed class BaHourlyParquetWriterTests : IDisposable
{
    private readonly string _folder = Repository.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Complete_Rows_ReadBackWithTheTypesOfTheGenericSchema()
    {
        var path = Path.Combine(_folder, "types.parquet");
        using (var writer = new BaHourlyParquetWriter(path, OriginColumn.Fetched))
        {
            writer.Add("PJM", new DateTime(2025, 7, 1, 1, 0, 0, DateTimeKind.Utc), BaSeries.Demand, 1.5, "bulk", true, DemandQuality.Ok);
            writer.Complete("p");
        }

        var back = await ParquetReadBack.ReadAsync(path);

        var generic = ParquetSchemas.For(Schemas.BaHourly).DataFields;
        Assert.Equal(generic.Select(f => f.Name), back.Columns);
        Assert.Equal(generic.Select(ParquetReadBack.ValueTypeOf), back.ClrTypes);
        Assert.Equal(
            ["BYTE_ARRAY STRING", "INT64 TIMESTAMP(utc=True,MICROS)", "BYTE_ARRAY STRING", "DOUBLE", "BYTE_ARRAY STRING", "BOOLEAN", "BYTE_ARRAY STRING", "BYTE_ARRAY STRING"],
            back.LogicalTypes);
        Assert.Equal(OriginColumn.Fetched, back.Rows.Single()[^1]);
    }

    [Fact]
    public async Task Complete_SameRowAsTheGenericWriter_SameParquetSchemaInDuckDb()
    {
        var period = new DateTime(2025, 7, 1, 1, 0, 0, DateTimeKind.Utc);
        var hand = Path.Combine(_folder, "hand.parquet");
        using (var writer = new BaHourlyParquetWriter(hand, OriginColumn.Sample))
        {
            writer.Add("PJM", period, BaSeries.Demand, 1.5, "bulk", true, DemandQuality.Ok);
            writer.Complete("p");
        }

        var generic = Path.Combine(_folder, "generic.parquet");
        await using (var writer = await ParquetTableWriter.CreateAsync(generic, Schemas.BaHourly))
        {
            writer.SetString(0, "PJM");
            writer.SetDateTime(1, period);
            writer.SetString(2, "demand");
            writer.SetNumber(3, 1.5);
            writer.SetString(4, "bulk");
            writer.SetBoolean(5, true);
            writer.SetString(6, "ok");
            writer.SetString(7, OriginColumn.Sample);
            await writer.EndRowAsync(CancellationToken.None);
            await writer.CompleteAsync(CancellationToken.None);
        }

        // names, physical and logical types and repetition of every column (the root's name aside; and the
        // legacy converted type, which the hand-written writer also gives period_end_utc, TIMESTAMP_MICROS, and Parquet.Net does not)
        static List<string> SchemaOf(string path) =>
            [.. Tables.DuckDbReadBack.Query($"SELECT name, type, repetition_type, logical_type::VARCHAR FROM parquet_schema('{path}') WHERE num_children IS NULL OR num_children = 0")
                .Select(r => string.Join(' ', r))];
        var expected = SchemaOf(generic);
        Assert.Equal(Schemas.BaHourly.Fields.Count, expected.Count);
        Assert.Equal(expected, SchemaOf(hand));
        Assert.Equal("origin BYTE_ARRAY OPTIONAL StringType()", expected[^1]);
        Assert.Equal((await ParquetReadBack.ReadAsync(generic)).Rows, (await ParquetReadBack.ReadAsync(hand)).Rows);
    }

    [Fact]
    public async Task Complete_ManyRowGroupsNullsAndCodes_ReadsBackEveryValue()
    {
        var path = Path.Combine(_folder, "rows.parquet");
        var expected = new List<object?[]>();
        var codes = Enumerable.Range(0, 70).Select(i => $"BA{i}").ToArray();
        var start = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        StagedTable table;
        using (var writer = new BaHourlyParquetWriter(path, OriginColumn.Recorded, rowGroupRows: 1000))
        {
            var random = new Random(7);
            for (var i = 0; i < 4321; i++)
            {
                // runs of one code, with short runs and changes mixed in, to take both encodings
                var ba = codes[(i / (i % 3 == 0 ? 3 : 40)) % codes.Length];
                var period = start.AddHours(i / 4);
                var series = (BaSeries)(i % 4);
                var value = i % 5 == 0 ? -random.Next(100000) : random.NextDouble() * 1e6;
                bool? imputed = (i % 7) switch { 0 => null, 1 or 2 => true, _ => i > 3000 ? null : false };
                // quality only on demand rows, of every kind, and none at all in the last row group
                DemandQuality? quality = series == BaSeries.Demand && i < 4000 ? (DemandQuality)(i / 4 % 4) : null;
                writer.Add(ba, period, series, value, i % 11 == 0 ? "api" : "bulk", imputed, quality);
                expected.Add([ba, period, series.Name(), value, i % 11 == 0 ? "api" : "bulk", imputed, quality?.Name(), OriginColumn.Recorded]);
            }

            table = writer.Complete("part1");
        }

        var back = await ParquetReadBack.ReadAsync(path);

        Assert.Equal(5, back.RowGroups);
        Assert.Equal(expected.Count, back.Rows.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], back.Rows[i]);
        }

        Assert.Equal((4321L, new FileInfo(path).Length, "parquet", "part1"), (table.Rows, table.Bytes, table.Format, table.Part));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))), table.Sha256);
    }

    [Fact]
    public async Task Complete_NoRows_ReadsBackAsAnEmptyTableWithItsColumns()
    {
        var path = Path.Combine(_folder, "empty.parquet");
        using (var writer = new BaHourlyParquetWriter(path, OriginColumn.Fetched))
        {
            Assert.Equal(0, writer.Complete("p").Rows);
        }

        var back = await ParquetReadBack.ReadAsync(path);

        Assert.Equal(Schemas.BaHourly.ColumnNames, back.Columns);
        Assert.Empty(back.Rows);
    }

    [Fact]
    public async Task Complete_OneBalancingAuthorityAllImputedUnknown_ReadsBackNulls()
    {
        var path = Path.Combine(_folder, "nulls.parquet");
        using (var writer = new BaHourlyParquetWriter(path, OriginColumn.Sample, rowGroupRows: 3))
        {
            for (var i = 0; i < 10; i++)
            {
                writer.Add("ERCO", new DateTime(2025, 1, 1, i, 0, 0, DateTimeKind.Utc), BaSeries.Interchange, -i, "bulk", null, null);
            }

            writer.Complete("p");
        }

        var back = await ParquetReadBack.ReadAsync(path);

        Assert.Equal(4, back.RowGroups);
        Assert.All(back.Rows, row => Assert.Null(row[5]));
        Assert.All(back.Rows, row => Assert.Null(row[6]));
        Assert.All(back.Rows, row => Assert.Equal(OriginColumn.Sample, row[7]));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (object?)(double)-i), back.Rows.Select(r => r[3]));
    }

    [Fact]
    public void Complete_ColumnsWithoutValuesAndZeros_StatisticsCountNullsAndBoundTheValues()
    {
        var path = Path.Combine(_folder, "statistics.parquet");
        using (var writer = new BaHourlyParquetWriter(path, OriginColumn.Recorded, rowGroupRows: 4))
        {
            // first row group: no imputed flag and no quality at all, values -0 to 3; second: one of each, values 0 and below
            for (var i = 0; i < 4; i++)
            {
                writer.Add("PJM", new DateTime(2025, 1, 1, i, 0, 0, DateTimeKind.Utc), BaSeries.Forecast, i == 0 ? -0.0 : i, "bulk", null, null);
            }

            writer.Add("AECI", new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Utc), BaSeries.Demand, 0, "bulk", true, DemandQuality.Spike);
            writer.Add("ZZZ", new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), BaSeries.Interchange, -5, "api", false, null);
            writer.Complete("p");
        }

        var chunks = Tables.DuckDbReadBack.ColumnChunks(path).ToDictionary(c => (c.RowGroup, c.Column));

        Assert.Equal((4L, null, null), (chunks[(0, "imputed")].NullCount, chunks[(0, "imputed")].Min, chunks[(0, "imputed")].Max));
        Assert.Equal((4L, null, null), (chunks[(0, "quality")].NullCount, chunks[(0, "quality")].Min, chunks[(0, "quality")].Max));
        Assert.Equal((0L, "-0.0", "3.0"), (chunks[(0, "value_mw")].NullCount, chunks[(0, "value_mw")].Min, chunks[(0, "value_mw")].Max));
        Assert.Equal(("PJM", "PJM"), (chunks[(0, "balancing_authority_code")].Min, chunks[(0, "balancing_authority_code")].Max));
        Assert.Equal((0L, "false", "true"), (chunks[(1, "imputed")].NullCount, chunks[(1, "imputed")].Min, chunks[(1, "imputed")].Max));
        Assert.Equal((1L, "spike", "spike"), (chunks[(1, "quality")].NullCount, chunks[(1, "quality")].Min, chunks[(1, "quality")].Max));
        Assert.Equal(("-5.0", "0.0"), (chunks[(1, "value_mw")].Min, chunks[(1, "value_mw")].Max));
        Assert.Equal(("AECI", "ZZZ"), (chunks[(1, "balancing_authority_code")].Min, chunks[(1, "balancing_authority_code")].Max));
        Assert.Equal(("api", "bulk"), (chunks[(1, "source")].Min, chunks[(1, "source")].Max));
        Assert.StartsWith("2024-01-02", chunks[(1, "period_end_utc")].Min, StringComparison.Ordinal);
        Assert.StartsWith("2025-01-02", chunks[(1, "period_end_utc")].Max, StringComparison.Ordinal);
        Assert.All([0, 1], g => Assert.Equal((0L, "recorded", "recorded"), (chunks[(g, "origin")].NullCount, chunks[(g, "origin")].Min, chunks[(g, "origin")].Max)));
    }

    [Theory]
    [InlineData(OriginColumn.Fetched)]
    [InlineData(OriginColumn.Sample)]
    public void Complete_ManyRowGroups_OriginReadsBackInDuckDbAsTheValueGivenForEveryRow(string origin)
    {
        var path = Path.Combine(_folder, "origin.parquet");
        using (var writer = new BaHourlyParquetWriter(path, origin, rowGroupRows: 100))
        {
            for (var i = 0; i < 1234; i++)
            {
                writer.Add(i % 2 == 0 ? "PJM" : "MISO", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i), (BaSeries)(i % 4), i, "bulk", null, null);
            }

            writer.Complete("p");
        }

        var counts = Tables.DuckDbReadBack.Query($"SELECT origin, count(*) FROM read_parquet('{path}') GROUP BY origin");

        var row = Assert.Single(counts);
        Assert.Equal((origin, 1234L), ((string?)row[0], Convert.ToInt64(row[1], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Complete_ConstantOrigin_ChunksCompressToAFewBytesPerRowGroup()
    {
        var path = Path.Combine(_folder, "small.parquet");
        using (var writer = new BaHourlyParquetWriter(path, OriginColumn.Fetched, rowGroupRows: 50_000))
        {
            for (var i = 0; i < 100_000; i++)
            {
                writer.Add("PJM", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i / 4), (BaSeries)(i % 4), i, "bulk", null, null);
            }

            writer.Complete("p");
        }

        var origin = Tables.DuckDbReadBack.ColumnChunks(path).Where(c => c.Column == "origin").ToList();

        // a dictionary of one entry and one RLE run per row group, not a byte per row
        Assert.Equal(2, origin.Count);
        Assert.All(origin, c => Assert.InRange(c.CompressedBytes, 1, 200));
    }
}
