using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using AiEnergyPipeline.Tests.Tables;

namespace AiEnergyPipeline.Tests.Sources.Eia930.ParquetFormat;

/// <summary>
/// The ba_hourly Parquet part of the shipped BALANCE sample, normalised, as DuckDB reads it: the
/// rows of its CSV twin with the schema's types, compressed with the configured codec, and row
/// groups whose statistics are right and, the file coming authority by authority with its hours
/// in order, narrow enough to skip.
/// </summary>
public sealed class BaHourlyParquetDuckDbTests : IDisposable
{
    /// <summary>Small row groups, so that the sample's 3,300 rows make 17 of them.</summary>
    private const int RowGroupRows = 200;

    private readonly string _folder = Repository.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(ParquetCompression.Snappy)]
    [InlineData(ParquetCompression.Zstd)]
    public async Task NormaliseAsync_SnapshotFile_ParquetReadsInDuckDbAsItsCsvTwin(ParquetCompression compression)
    {
        var result = await NormaliseSnapshotAsync(compression);
        var csv = result.Files.Single(f => f.Format == "csv").LocalPath;
        var parquet = result.Files.Single(f => f.Format == "parquet").LocalPath;

        Assert.Equal(Schemas.BaHourly.Fields.Select(f => $"{f.Name} {DuckDbReadBack.DuckDbTypeOf(f)}"), DuckDbReadBack.ParquetColumns(parquet));
        var sums = DuckDbReadBack.Sums(Schemas.BaHourly, parquet);
        Assert.Equal(DuckDbReadBack.Sums(Schemas.BaHourly, csv), sums);
        Assert.StartsWith($"{result.RowsOut} ", sums, StringComparison.Ordinal);
        // imputed is empty for forecasts and quality for every series but demand: both have nulls
        var nulls = DuckDbReadBack.Query($"SELECT count(*) FILTER (imputed IS NULL), count(*) FILTER (quality IS NULL) FROM read_parquet('{parquet}')")[0];
        Assert.All(nulls, n => Assert.True(Convert.ToInt64(n) > 0));
        Assert.Equal([(OriginColumn.Fetched, result.RowsOut)], Origins(parquet));
        Assert.Equal(Origins(csv), Origins(parquet));
    }

    [Fact]
    public async Task NormaliseAsync_SampleFile_FooterSaysSoAndDuckDbReadsItAsItsCsvTwin()
    {
        var path = Path.Combine(Repository.Root, "functions", "AiEnergyPipeline", "snapshot", "eia930", "bulk", "EIA930_BALANCE_2025_Jul_Dec.csv");
        var sample = TestFiles.Fetched("eia930_bulk", "EIA930_BALANCE_2025_Jul_Dec.csv") with { LocalPath = path, Origin = InputOrigin.Sample };

        var result = await BalancePartitionNormaliser.NormaliseAsync(sample, Path.Combine(_folder, "sample"), "2025_h2", _ => { }, CancellationToken.None, RowGroupRows);
        var fetched = await NormaliseSnapshotAsync(ParquetCompression.Snappy);

        var parquet = result.Files.Single(f => f.Format == "parquet").LocalPath;
        Assert.Equal(
            [$"{ParquetLabels.SampleKey}=true", $"{ParquetLabels.WarningKey}=SAMPLE DATA, NOT REAL: made from sample files written by AiEnergyPipeline (its bundled snapshot), not EIA, LBNL or Ember data."],
            DuckDbReadBack.KeyValues(parquet));
        Assert.Equal(DuckDbReadBack.Sums(Schemas.BaHourly, result.Files.Single(f => f.Format == "csv").LocalPath), DuckDbReadBack.Sums(Schemas.BaHourly, parquet));
        Assert.Empty(DuckDbReadBack.KeyValues(fetched.Files.Single(f => f.Format == "parquet").LocalPath));
        // every row of the part made from the sample says so, in both files; the fetched part's say fetched
        Assert.Equal([(OriginColumn.Sample, result.RowsOut)], Origins(parquet));
        Assert.Equal(Origins(parquet), Origins(result.Files.Single(f => f.Format == "csv").LocalPath));
        Assert.Equal([(OriginColumn.Fetched, fetched.RowsOut)], Origins(fetched.Files.Single(f => f.Format == "parquet").LocalPath));
    }

    [Theory]
    [InlineData(ParquetCompression.Snappy, "SNAPPY")]
    [InlineData(ParquetCompression.Zstd, "ZSTD")]
    public async Task NormaliseAsync_Codec_EveryColumnChunkCompressedWithStatistics(ParquetCompression compression, string codec)
    {
        var result = await NormaliseSnapshotAsync(compression);
        var parquet = result.Files.Single(f => f.Format == "parquet").LocalPath;

        var chunks = DuckDbReadBack.ColumnChunks(parquet);

        Assert.Equal(17 * Schemas.BaHourly.Fields.Count, chunks.Count);
        Assert.All(chunks, c => Assert.Equal(codec, c.Compression));
        Assert.All(chunks, c => Assert.True(c.NullCount is not null && c.Min is not null && c.Max is not null, $"{c.Column} row group {c.RowGroup}: no statistics"));
        // source and origin, one value per file, are a page header and a one-entry dictionary per row group
        // whatever its rows, which no codec shrinks: the ratio is that of the columns that hold the rows
        var rowColumns = chunks.Where(c => c.Column is not ("source" or OriginColumn.Name)).ToList();
        Assert.True(rowColumns.Sum(c => c.CompressedBytes) < rowColumns.Sum(c => c.UncompressedBytes) / 2, "compressed to less than half");
        // the statistics are the row groups' own: null counts, min and max as DuckDB finds them in the rows
        // (+ 0.0 turns -0.0, the min the format asks for when it is zero, into 0.0)
        var actual = DuckDbReadBack.Query($"""
            SELECT file_row_number // {RowGroupRows} AS g,
                   min(balancing_authority_code), max(balancing_authority_code), min(period_end_utc)::VARCHAR, max(period_end_utc)::VARCHAR,
                   (min(value_mw) + 0.0)::VARCHAR, (max(value_mw) + 0.0)::VARCHAR, count(*) FILTER (imputed IS NULL), count(*) FILTER (quality IS NULL),
                   min(origin), max(origin), count(*) FILTER (origin IS NULL)
            FROM read_parquet('{parquet}', file_row_number = true) GROUP BY g ORDER BY g
            """);
        var stated = DuckDbReadBack.Query($"""
            SELECT row_group_id,
                   max(stats_min_value) FILTER (path_in_schema = 'balancing_authority_code'), max(stats_max_value) FILTER (path_in_schema = 'balancing_authority_code'),
                   max(TRY_CAST(stats_min_value AS TIMESTAMPTZ)::VARCHAR) FILTER (path_in_schema = 'period_end_utc'), max(TRY_CAST(stats_max_value AS TIMESTAMPTZ)::VARCHAR) FILTER (path_in_schema = 'period_end_utc'),
                   max((TRY_CAST(stats_min_value AS DOUBLE) + 0.0)::VARCHAR) FILTER (path_in_schema = 'value_mw'), max((TRY_CAST(stats_max_value AS DOUBLE) + 0.0)::VARCHAR) FILTER (path_in_schema = 'value_mw'),
                   max(stats_null_count) FILTER (path_in_schema = 'imputed'), max(stats_null_count) FILTER (path_in_schema = 'quality'),
                   max(stats_min_value) FILTER (path_in_schema = 'origin'), max(stats_max_value) FILTER (path_in_schema = 'origin'), max(stats_null_count) FILTER (path_in_schema = 'origin')
            FROM parquet_metadata('{parquet}') GROUP BY row_group_id ORDER BY row_group_id
            """);
        Assert.Equal(actual.Count, stated.Count);
        for (var g = 0; g < actual.Count; g++)
        {
            Assert.Equal(Line(actual[g]), Line(stated[g]));
        }
    }

    [Fact]
    public async Task NormaliseAsync_FileInAuthorityAndHourOrder_RowGroupStatisticsDoNotOverlap()
    {
        var result = await NormaliseSnapshotAsync(ParquetCompression.Snappy);
        var parquet = result.Files.Single(f => f.Format == "parquet").LocalPath;

        var groups = DuckDbReadBack.ColumnChunks(parquet)
            .GroupBy(c => c.RowGroup)
            .Select(g => (Ba: g.Single(c => c.Column == "balancing_authority_code"), Period: g.Single(c => c.Column == "period_end_utc")))
            .ToList();

        // each row group after the one before it: by authority, then (within one authority) by hour
        for (var i = 1; i < groups.Count; i++)
        {
            var (before, after) = (groups[i - 1], groups[i]);
            Assert.True(string.CompareOrdinal(before.Ba.Max, after.Ba.Min) <= 0, $"row groups {i - 1} and {i}: authorities {before.Ba.Min}-{before.Ba.Max} then {after.Ba.Min}-{after.Ba.Max}");
            if (before.Ba.Max == after.Ba.Min && before.Ba.Min == before.Ba.Max && after.Ba.Min == after.Ba.Max)
            {
                Assert.True(string.CompareOrdinal(before.Period.Max, after.Period.Min) <= 0, $"row groups {i - 1} and {i} of {after.Ba.Min}: hours overlap");
            }
        }

        // a query for one authority's day needs at most two of the 17 row groups
        var candidates = groups.Count(g => string.CompareOrdinal(g.Ba.Min, "ERCO") <= 0 && string.CompareOrdinal(g.Ba.Max, "ERCO") >= 0);
        Assert.InRange(candidates, 1, 5);
    }

    private static string Line(object?[] row) => string.Join(' ', row.Skip(1));

    /// <summary>The origin column's values and their rows, read by DuckDB from a Parquet or a ba_hourly CSV file.</summary>
    private static List<(string? Origin, long Rows)> Origins(string path)
    {
        var from = path.EndsWith(".parquet", StringComparison.Ordinal)
            ? $"read_parquet('{path}')"
            : $"read_csv('{path}', header = true, auto_detect = false, columns = {{{string.Join(", ", Schemas.BaHourly.Fields.Select(f => $"'{f.Name}': '{DuckDbReadBack.DuckDbTypeOf(f)}'"))}}})";
        return [.. DuckDbReadBack.Query($"SELECT origin, count(*) FROM {from} GROUP BY origin ORDER BY origin")
            .Select(r => ((string?)r[0], Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture)))];
    }

    private async Task<BalancePartitionResult> NormaliseSnapshotAsync(ParquetCompression compression)
    {
        var path = Path.Combine(Repository.Root, "functions", "AiEnergyPipeline", "snapshot", "eia930", "bulk", "EIA930_BALANCE_2025_Jul_Dec.csv");
        var file = TestFiles.Fetched("eia930_bulk", "EIA930_BALANCE_2025_Jul_Dec.csv") with { LocalPath = path };
        return await BalancePartitionNormaliser.NormaliseAsync(file, _folder, "2025_h2", _ => { }, CancellationToken.None, RowGroupRows, compression: compression);
    }
}
