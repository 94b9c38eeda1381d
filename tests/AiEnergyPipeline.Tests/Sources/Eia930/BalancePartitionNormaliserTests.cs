using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using Parquet;
using Parquet.Schema;
using System.Globalization;
using System.Text;
using static AiEnergyPipeline.Tests.Sources.Eia930.BalanceCsvSamples;

namespace AiEnergyPipeline.Tests.Sources.Eia930;

/// <summary>
/// The fast BALANCE path against the simple one it replaced (Eia930BalanceCsv.Read, TableWriter
/// and BaHourlyRows, with demand screened over the whole file at once): the same bytes, counts,
/// coverage, ba_annual and quarantine.
/// </summary>
public sealed class BalancePartitionNormaliserTests : IDisposable
{
    private readonly string _folder = Repository.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task NormaliseAsync_AwkwardRows_WritesTheSameCsvAsTheSimplePath()
    {
        var csv = BalanceCsvSamples.File(
            Row("CISO", "07/01/2025 8:00:00 AM", "\"21,521\"", "\"21,334\"", "\"16,641\"", "\"-4,693\""),
            Row("CISO", "7/1/2025 9:00:00 AM", "", "12.5", "-0", "0"),
            Row("CISO", "not a time", "1", "2", "3", "4"),
            Row("", "07/01/2025 9:00:00 AM", "1", "2", "3", "4"),
            Row("CISO", "07/01/2025 10:00:00 AM", "1", "12x", "3", "4"),
            Row("CISO", "07/01/2025 10:00:00 AM", "1", "2", "3", "4"),
            Row(" ERCO ", "2025-07-01 11:00:00", "\" 1,000 \"", "1e3", "\u00A0 7\u00A0", "1,2,3"),
            Row("ERCO", "07/01/2025 6:00:00 AM", "100", "", "90", "-10", demandImputed: "\"45,000\"", demandAdjusted: "\"45,000\""),
            Row("ERCO", "07/01/2025 7:00:00 AM", "100", "50", "90", "-10", demandImputed: "\u00A0", demandAdjusted: "52"),
            Row("\"A,B\"", "12/31/2025 11:00:00 PM", "1234567890123456789", "0.1", "\"1,234,567.891\"", "-1.5e-7"),
            Row("\"Q\"\"X\"", "1/1/2026 12:00:00 AM", "1", "2", "3", "4"),
            Row("=SUM", "1/1/2026 12:00:00 PM", "1", "2", "3", "4"),
            Row("CISO", "07/01/2025 8:00:00 AM", "1", "", "", ""));

        await AssertSameAsSimplePathAsync(csv);
    }

    [Fact]
    public async Task NormaliseAsync_ShippedSnapshotFile_WritesTheSameCsvAsTheSimplePath()
    {
        var path = Path.Combine(Repository.Root, "functions", "AiEnergyPipeline", "snapshot", "eia930", "bulk", "EIA930_BALANCE_2025_Jul_Dec.csv");

        await AssertSameAsSimplePathAsync(await System.IO.File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task NormaliseAsync_ManyRowsAcrossBatchesAndRowGroups_WritesTheSameCsvAndParquetOfTheSameRows()
    {
        var random = new Random(930);
        var rows = new List<string>();
        string[] codes = ["PJM", "MISO", "CISO", "ERCO", "SWPP"];
        foreach (var code in codes)
        {
            var start = new DateTime(2025, 1, 1, 1, 0, 0, DateTimeKind.Utc);
            for (var h = 0; h < 2_500; h++)
            {
                string N() => random.Next(10) == 0 ? "" : random.Next(-3000, 90_000).ToString("#,0", CultureInfo.InvariantCulture) is var t && t.Contains(',') ? $"\"{t}\"" : random.Next(0, 999).ToString(CultureInfo.InvariantCulture);
                rows.Add(Row(code, start.AddHours(h).ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture), N(), N(), N(), N(),
                    demandImputed: random.Next(20) == 0 ? "1" : "", demandAdjusted: random.Next(3) == 0 ? N() : ""));
            }
        }

        var (result, _) = await AssertSameAsSimplePathAsync(BalanceCsvSamples.File([.. rows]), parquetRowGroupRows: 4_000);

        var parquet = result.Files.Single(f => f.Format == "parquet");
        var csvRows = (await System.IO.File.ReadAllLinesAsync(result.Files.Single(f => f.Format == "csv").LocalPath)).Skip(1).ToList();
        var parquetRows = await ReadParquetAsCsvLinesAsync(parquet.LocalPath);
        Assert.Equal(csvRows.Count, parquetRows.Count);
        Assert.Equal(csvRows, parquetRows);
        Assert.Equal(csvRows.Count, parquet.Rows);
        Assert.Equal(new FileInfo(parquet.LocalPath).Length, parquet.Bytes);
        Assert.Equal((await Hashing.Sha256OfFileAsync(parquet.LocalPath, CancellationToken.None)).Sha256, parquet.Sha256);
    }

    [Theory]
    [InlineData(InputOrigin.Fetched, OriginColumn.Fetched)]
    [InlineData(InputOrigin.Recorded, OriginColumn.Recorded)]
    [InlineData(InputOrigin.Sample, OriginColumn.Sample)]
    public async Task NormaliseAsync_FileOfAnOrigin_EveryCsvAndParquetRowSaysIt(InputOrigin origin, string expected)
    {
        var csv = BalanceCsvSamples.File(
            Row("CISO", "07/01/2025 8:00:00 AM", "1", "2", "3", "4"),
            Row("ERCO", "07/01/2025 8:00:00 AM", "", "2", "", "4", demandImputed: "1", demandAdjusted: "5"));

        var (result, _) = await AssertSameAsSimplePathAsync(csv, parquetRowGroupRows: 3, origin: origin);

        var csvLines = (await System.IO.File.ReadAllLinesAsync(result.Files.Single(f => f.Format == "csv").LocalPath)).Skip(1).ToList();
        Assert.Equal((int)result.RowsOut, csvLines.Count);
        Assert.InRange(csvLines.Count, 6, 8);
        Assert.All(csvLines, line => Assert.Equal(expected, line.Split(',')[^1]));
        var parquet = await ParquetReadBack.ReadAsync(result.Files.Single(f => f.Format == "parquet").LocalPath);
        Assert.Equal(OriginColumn.Name, parquet.Columns[^1]);
        Assert.Equal(Enumerable.Repeat<object?>(expected, csvLines.Count), parquet.Rows.Select(r => r[^1]));
    }

    [Fact]
    public async Task NormaliseAsync_Parquet_HasTheTypesOfTheTableSchema()
    {
        var result = await NormaliseAsync(BalanceCsvSamples.File(
            Row("ERCO", "07/01/2025 6:00:00 AM", "100", "\"45,000\"", "90", "-10", demandImputed: "x")), parquetRowGroupRows: 2);

        var parquet = result.Files.Single(f => f.Format == "parquet");
        Assert.Equal(("ba_hourly", "bench", "data/ba_hourly/bench.parquet"), (parquet.Schema.Name, parquet.Part, parquet.RelativePath));
        await using var reader = await ParquetReader.CreateAsync(parquet.LocalPath);
        var fields = reader.Schema.DataFields;
        Assert.Equal(Schemas.BaHourly.ColumnNames, fields.Select(f => f.Name));
        // Parquet.Net 6 reports UTF-8 string columns as ReadOnlyMemory<char>.
        Assert.Equal([typeof(string), typeof(DateTime), typeof(string), typeof(double), typeof(string), typeof(bool), typeof(string), typeof(string)],
            fields.Select(f => f.ClrType == typeof(ReadOnlyMemory<char>) ? typeof(string) : f.ClrType));
        Assert.All(fields, f => Assert.True(f.IsNullable, f.Name));
        var time = Assert.IsType<DateTimeDataField>(fields[1]);
        Assert.True(time.IsAdjustedToUTC);
        Assert.Equal(2, reader.RowGroupCount);
        using var group = reader.OpenRowGroupReader(0);
        var periods = new DateTime?[group.RowCount];
        await group.ReadAsync(fields[1], periods.AsMemory());
        Assert.Equal(new DateTime(2025, 7, 1, 6, 0, 0, DateTimeKind.Utc), periods[0]);
        var values = new double?[group.RowCount];
        await group.ReadAsync(fields[3], values.AsMemory());
        Assert.Equal([45000.0, 100.0], values);
        var imputed = new bool?[group.RowCount];
        await group.ReadAsync(fields[5], imputed.AsMemory());
        Assert.Equal([true, null], imputed);
    }

    [Fact]
    public async Task NormaliseAsync_DuplicateAfterAnotherAuthority_IsQuarantinedAndCoverageSpansEachRun()
    {
        var csv = BalanceCsvSamples.File(
            Row("CISO", "07/01/2025 8:00:00 AM", "1", "2", "3", "4"),
            Row("ERCO", "07/01/2025 8:00:00 AM", "1", "2", "3", "4"),
            Row("CISO", "07/01/2025 8:00:00 AM", "5", "6", "7", "8"),
            Row("CISO", "07/01/2025 9:00:00 AM", "5", "6", "7", "8"),
            Row("ERCO", "07/01/2025 7:00:00 AM", "1", "2", "3", "4"));

        var (result, quarantine) = await AssertSameAsSimplePathAsync(csv);

        var duplicate = Assert.Single(quarantine);
        Assert.Equal((4L, true), (duplicate.Line, duplicate.Reason.Contains("duplicate of line 2", StringComparison.Ordinal)));
        Assert.Equal(new BaCoverage(new DateTime(2025, 7, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2025, 7, 1, 9, 0, 0, DateTimeKind.Utc)), result.Coverage["CISO"]);
        Assert.Equal(new BaCoverage(new DateTime(2025, 7, 1, 7, 0, 0, DateTimeKind.Utc), new DateTime(2025, 7, 1, 8, 0, 0, DateTimeKind.Utc)), result.Coverage["ERCO"]);
        Assert.Equal(16, result.RowsOut);
    }

    [Fact]
    public async Task NormaliseAsync_MissingRequiredColumn_FailsNamingIt()
    {
        var csv = "Balancing Authority,UTC Time at End of Hour,Demand (MW),Net Generation (MW),Total Interchange (MW)\nPJM,7/1/2025 1:00:00 AM,1,2,3\n";

        var error = await Assert.ThrowsAsync<SourceException>(() => NormaliseAsync(csv));

        Assert.Contains("Demand Forecast (MW)", error.Message, StringComparison.Ordinal);
    }

    private async Task<(BalancePartitionResult Result, List<QuarantineRecord> Quarantine)> AssertSameAsSimplePathAsync(string csv, int parquetRowGroupRows = BaHourlyParquet.DefaultRowGroupRows, InputOrigin origin = InputOrigin.Fetched)
    {
        var input = WriteInput(csv);
        var file = FileAt(input) with { Origin = origin };

        var oldQuarantine = new List<QuarantineRecord>();
        var oldDirectory = Path.Combine(_folder, "old");
        var annual = new BaAnnualAggregator();
        var coverage = new Dictionary<string, BaCoverage>(StringComparer.Ordinal);
        long rows = 0;
        StagedTable oldCsv;
        await using (var writer = TableWriter.CreatePart(oldDirectory, Schemas.BaHourly, "bench", RowOrigin.Of(origin)))
        {
            await using (var stream = System.IO.File.OpenRead(input))
            {
                foreach (var record in Screened(Eia930BalanceCsv.Read(stream, file, oldQuarantine.Add).ToList()))
                {
                    rows++;
                    coverage[record.BalancingAuthorityCode] = coverage.TryGetValue(record.BalancingAuthorityCode, out var c)
                        ? c.Including(record.PeriodEndUtc)
                        : new BaCoverage(record.PeriodEndUtc, record.PeriodEndUtc);
                    BaHourlyRows.Write(writer, record);
                    annual.Add(record);
                }
            }

            oldCsv = await writer.CompleteAsync(CancellationToken.None);
        }

        var quarantine = new List<QuarantineRecord>();
        var result = await BalancePartitionNormaliser.NormaliseAsync(file, Path.Combine(_folder, "new"), "bench", quarantine.Add, CancellationToken.None, parquetRowGroupRows);

        var newCsv = result.Files.Single(f => f.Format == "csv");
        Assert.Equal(await System.IO.File.ReadAllBytesAsync(oldCsv.LocalPath), await System.IO.File.ReadAllBytesAsync(newCsv.LocalPath));
        Assert.Equal((oldCsv.Rows, oldCsv.Bytes, oldCsv.Sha256, oldCsv.Part, oldCsv.RelativePath), (newCsv.Rows, newCsv.Bytes, newCsv.Sha256, newCsv.Part, newCsv.RelativePath));
        Assert.Equal((rows, rows), (result.RowsIn, result.RowsOut));
        Assert.Equal(coverage.OrderBy(p => p.Key, StringComparer.Ordinal), result.Coverage.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(oldQuarantine, quarantine);
        Assert.Equal(await AnnualCsvAsync(annual, "old-annual"), await AnnualCsvAsync(result.Annual, "new-annual"));
        return (result, quarantine);
    }

    /// <summary>
    /// The records with demand screened the simple way: each balancing authority's hours in file
    /// order, the next hour being the next row of the file when it is the same authority's and has
    /// demand (a row is the records of one authority and hour, which come together).
    /// </summary>
    private static List<BaHourlyRecord> Screened(List<BaHourlyRecord> records)
    {
        // consecutive records of one authority and hour: the same hour may come again later in a file
        var rows = new List<List<BaHourlyRecord>>();
        foreach (var record in records)
        {
            if (rows.Count == 0 || rows[^1][0].BalancingAuthorityCode != record.BalancingAuthorityCode || rows[^1][0].PeriodEndUtc != record.PeriodEndUtc)
            {
                rows.Add([]);
            }

            rows[^1].Add(record);
        }

        var screens = new Dictionary<string, DemandScreen>(StringComparer.Ordinal);
        var output = new List<BaHourlyRecord>();
        for (var i = 0; i < rows.Count; i++)
        {
            var ba = rows[i][0].BalancingAuthorityCode;
            var next = i + 1 < rows.Count && rows[i + 1][0].BalancingAuthorityCode == ba
                ? rows[i + 1].Where(r => r.Series == BaSeries.Demand).Select(r => (BaHourlyRecord?)r).FirstOrDefault()
                : null;
            foreach (var record in rows[i])
            {
                if (record.Series != BaSeries.Demand)
                {
                    output.Add(record);
                    continue;
                }

                var screen = screens.TryGetValue(ba, out var s) ? s : screens[ba] = new DemandScreen();
                var quality = screen.Screen(record.PeriodEndUtc, record.ValueMw, next?.PeriodEndUtc ?? DateTime.MinValue, next?.ValueMw ?? 0);
                output.Add(record with { Quality = quality });
            }
        }

        return output;
    }

    private async Task<BalancePartitionResult> NormaliseAsync(string csv, int parquetRowGroupRows = BaHourlyParquet.DefaultRowGroupRows) =>
        await BalancePartitionNormaliser.NormaliseAsync(FileAt(WriteInput(csv)), Path.Combine(_folder, "new"), "bench", _ => { }, CancellationToken.None, parquetRowGroupRows);

    private async Task<string> AnnualCsvAsync(BaAnnualAggregator annual, string folder)
    {
        await using var writer = TableWriter.Create(Path.Combine(_folder, folder), Schemas.BaAnnual, OriginColumn.Fetched);
        annual.WriteTo(writer);
        var table = await writer.CompleteAsync(CancellationToken.None);
        return await System.IO.File.ReadAllTextAsync(table.LocalPath);
    }

    private string WriteInput(string csv)
    {
        var path = Path.Combine(_folder, "EIA930_BALANCE_2025_Jul_Dec.csv");
        System.IO.File.WriteAllText(path, csv, new UTF8Encoding(false));
        return path;
    }

    private static FetchedFile FileAt(string path) =>
        TestFiles.Fetched("eia930_bulk", "EIA930_BALANCE_2025_Jul_Dec.csv") with { LocalPath = path };

    /// <summary>The Parquet rows written back as ba_hourly CSV lines, to compare with the CSV file.</summary>
    private static async Task<List<string>> ReadParquetAsCsvLinesAsync(string path)
    {
        var lines = new List<string>();
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var n = (int)group.RowCount;
            var ba = new string?[n];
            var period = new DateTime?[n];
            var series = new string?[n];
            var value = new double?[n];
            var source = new string?[n];
            var imputed = new bool?[n];
            var quality = new string?[n];
            var origin = new string?[n];
            await group.ReadAsync(fields[0], ba.AsMemory());
            await group.ReadAsync(fields[1], period.AsMemory());
            await group.ReadAsync(fields[2], series.AsMemory());
            await group.ReadAsync(fields[3], value.AsMemory());
            await group.ReadAsync(fields[4], source.AsMemory());
            await group.ReadAsync(fields[5], imputed.AsMemory());
            await group.ReadAsync(fields[6], quality.AsMemory());
            await group.ReadAsync(fields[7], origin.AsMemory());
            for (var i = 0; i < n; i++)
            {
                lines.Add(string.Join(',', ba[i], period[i]!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), series[i],
                    value[i]!.Value.ToString(CultureInfo.InvariantCulture), source[i], imputed[i] switch { true => "true", false => "false", null => "" }, quality[i], origin[i]));
            }
        }

        return lines;
    }
}
