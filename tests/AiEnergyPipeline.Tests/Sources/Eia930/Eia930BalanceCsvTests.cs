using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Tables;
using static AiEnergyPipeline.Tests.Sources.Eia930.BalanceCsvSamples;

namespace AiEnergyPipeline.Tests.Sources.Eia930;

public class Eia930BalanceCsvTests
{
    private static readonly FetchedFile File = TestFiles.Fetched("eia930_bulk", "EIA930_BALANCE_2025_Jul_Dec.csv");

    private static (List<BaHourlyRecord> Rows, List<QuarantineRecord> Quarantine) Read(string csv)
    {
        var quarantine = new List<QuarantineRecord>();
        var rows = Eia930BalanceCsv.Read(TestFiles.Utf8(csv), File, quarantine.Add).ToList();
        return (rows, quarantine);
    }

    [Fact]
    public void Read_QuotedThousandsAndUsDates_ReadsEverySeriesInUtc()
    {
        var (rows, quarantine) = Read(BalanceCsvSamples.File(Row("CISO", "07/01/2025 8:00:00 AM", "\"21,521\"", "\"21,334\"", "\"16,641\"", "\"-4,693\"")));

        Assert.Empty(quarantine);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(new DateTime(2025, 7, 1, 8, 0, 0, DateTimeKind.Utc), r.PeriodEndUtc));
        Assert.All(rows, r => Assert.Equal(DateTimeKind.Utc, r.PeriodEndUtc.Kind));
        Assert.Equal(21334, rows.Single(r => r.Series == BaSeries.Demand).ValueMw);
        Assert.Equal(21521, rows.Single(r => r.Series == BaSeries.Forecast).ValueMw);
        Assert.Equal(16641, rows.Single(r => r.Series == BaSeries.NetGeneration).ValueMw);
        Assert.Equal(-4693, rows.Single(r => r.Series == BaSeries.Interchange).ValueMw);
        Assert.All(rows, r => Assert.Equal("bulk", r.Source));
    }

    [Fact]
    public void Read_MoreDistinctAuthoritiesThanAnyFileLists_FailsTheFileNamingTheLine()
    {
        var rows = Enumerable.Range(0, Eia930BalanceRowReader.MaxBalancingAuthorities + 1).Select(i => Row($"B{i}", "07/01/2025 8:00:00 AM", "1", "2", "3", "4")).ToArray();

        var error = Assert.Throws<SourceException>(() => Read(BalanceCsvSamples.File(rows)));

        Assert.Contains("line 1002: more than 1,000 distinct balancing authority codes; a BALANCE file lists about 70.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PmHourAndNoLeadingZeros_ParsesTwentyFourHourTime()
    {
        var (rows, _) = Read(BalanceCsvSamples.File(Row("PJM", "12/5/2025 11:00:00 PM", "1", "2", "3", "4")));

        Assert.Equal(new DateTime(2025, 12, 5, 23, 0, 0, DateTimeKind.Utc), rows[0].PeriodEndUtc);
    }

    [Fact]
    public void Read_AdjustedAndImputedDemand_PrefersAdjustedAndFlagsImputed()
    {
        var (rows, _) = Read(BalanceCsvSamples.File(
            Row("ERCO", "07/01/2025 6:00:00 AM", "100", "", "90", "-10", demandImputed: "\"45,000\"", demandAdjusted: "\"45,000\""),
            Row("ERCO", "07/01/2025 7:00:00 AM", "100", "50", "90", "-10", demandAdjusted: "52")));

        var demand = rows.Where(r => r.Series == BaSeries.Demand).ToList();
        Assert.Equal([45000.0, 52.0], demand.Select(d => d.ValueMw));
        Assert.Equal([true, false], demand.Select(d => d.Imputed));
        Assert.Null(rows.First(r => r.Series == BaSeries.Forecast).Imputed);
    }

    [Fact]
    public void Read_ReorderedRenamedCaseAndUnknownColumns_AreTolerated()
    {
        const string csv = "Region,utc time at end of hour ,Demand (MW),Balancing  Authority,Net Generation (MW),Total Interchange (MW),Demand Forecast (MW),Net Generation (MW) from Geothermal\n" +
                           "NW,07/01/2025 8:00:00 AM,\"1,200\",BPAT,900,-300,1100,5\n";

        var (rows, quarantine) = Read(csv);

        Assert.Empty(quarantine);
        Assert.Equal(1200, rows.Single(r => r.Series == BaSeries.Demand).ValueMw);
        Assert.All(rows, r => Assert.Equal("BPAT", r.BalancingAuthorityCode));
        Assert.All(rows, r => Assert.Null(r.Imputed));
    }

    [Fact]
    public void Read_MissingRequiredColumns_FailsNamingEveryMissingColumn()
    {
        var csv = BalanceCsvSamples.File(Row("CISO", "07/01/2025 8:00:00 AM", "1", "2", "3", "4"))
            .Replace("Demand (MW),", "Load (MW),", StringComparison.Ordinal)
            .Replace("UTC Time at End of Hour", "UTC Hour", StringComparison.Ordinal);

        var error = Assert.Throws<SourceException>(() => Read(csv));

        Assert.Contains("'Demand (MW)'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'UTC Time at End of Hour'", error.Message, StringComparison.Ordinal);
        Assert.Contains("EIA930_BALANCE_2025_Jul_Dec.csv", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("eia930_bulk: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body>Page not found</body></html>", "HTML")]
    [InlineData("", "empty")]
    [InlineData("\n\n", "empty")]
    public void Read_NotACsvFile_FailsWithTheCause(string content, string cause)
    {
        var error = Assert.Throws<SourceException>(() => Read(content));

        Assert.Contains(cause, error.Message, StringComparison.Ordinal);
        Assert.Contains(File.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedRows_QuarantinesThemWithLineAndReasonAndKeepsTheRest()
    {
        var (rows, quarantine) = Read(BalanceCsvSamples.File(
            Row("CISO", "07/01/2025 8:00:00 AM", "1", "2", "3", "4"),
            Row("CISO", "not a time", "1", "2", "3", "4"),
            Row("", "07/01/2025 9:00:00 AM", "1", "2", "3", "4"),
            Row("CISO", "07/01/2025 10:00:00 AM", "1", "12x", "3", "4"),
            Row("CISO", "07/01/2025 10:00:00 AM", "1", "2", "3", "4")));

        Assert.Collection(
            quarantine,
            q => Assert.Equal((3L, true), (q.Line, q.Reason.Contains("'not a time' is not a date", StringComparison.Ordinal))),
            q => Assert.Equal((4L, true), (q.Line, q.Reason.Contains("'Balancing Authority' is empty", StringComparison.Ordinal))),
            q => Assert.Equal((5L, true), (q.Line, q.Reason.Contains("'12x' is not a number", StringComparison.Ordinal))),
            q => Assert.Equal((6L, true), (q.Line, q.Reason.Contains("duplicate of line 5", StringComparison.Ordinal))));
        Assert.All(quarantine, q => Assert.Equal(("eia930_bulk", File.FileName, File.RawPath), (q.Source, q.File, q.RawPath)));
        // The good row, and the three good series of the row with one bad number.
        Assert.Equal(7, rows.Count);
    }

    [Fact]
    public void Read_LargeInput_YieldsRowsBeforeReadingTheWholeStream()
    {
        var rows = Enumerable.Range(0, 50_000).Select(i =>
            Row("PJM", new DateTime(2025, 7, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i).ToString("MM/dd/yyyy h:mm:ss tt", System.Globalization.CultureInfo.InvariantCulture), "1", "2", "3", "4"));
        using var stream = new CountingStream(TestFiles.Utf8(BalanceCsvSamples.File(rows.ToArray())));

        using var enumerator = Eia930BalanceCsv.Read(stream, File, _ => { }).GetEnumerator();
        Assert.True(enumerator.MoveNext());

        // Streaming: the first row comes after a buffer or two, not after the whole file.
        Assert.True(stream.BytesRead < stream.Length / 20, $"read {stream.BytesRead} of {stream.Length} bytes before the first row");
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
