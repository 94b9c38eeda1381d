using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Eia930;
using System.Text.Json;

namespace AiEnergyPipeline.Tests.Sources.Eia930;

public class Eia930ApiPageTests
{
    private const string RealPage = "eia-api-v2/rto-region-data_2024-04-01_2024-04-03_offset0.json";
    private static readonly FetchedFile File = TestFiles.Fetched("eia930_api", "page.json");

    private static string Page(string total, params string[] rows) =>
        "{\"response\":{\"total\":" + total + ",\"data\":[" + string.Join(",", rows) + "]},\"request\":{\"params\":{\"api_key\":\"REDACTED\"}}}";

    private static string Row(string period = "\"2024-04-01T05\"", string respondent = "\"PJM\"", string type = "\"D\"", string value = "\"91234\"") =>
        $$"""{"period":{{period}},"respondent":{{respondent}},"respondent-name":"PJM Interconnection, LLC","type":{{type}},"value":{{value}},"value-units":"megawatthours"}""";

    private static (List<BaHourlyRecord> Rows, List<QuarantineRecord> Quarantine) Read(string json)
    {
        var quarantine = new List<QuarantineRecord>();
        var rows = Eia930ApiPage.Read(TestFiles.Utf8(json), File, quarantine.Add).ToList();
        return (rows, quarantine);
    }

    [SkippableFact]
    public void Read_RealApiPage_Reads5000RowsOf75RespondentsWithTotal13916()
    {
        var path = TestFiles.RealData(RealPage);
        Skip.IfNot(System.IO.File.Exists(path), $"needs ../shared/data/real/{RealPage}, which is not beside this checkout");

        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
        var (total, count) = Eia930ApiPage.ReadShape(document.RootElement);
        var (rows, quarantine) = Read(System.IO.File.ReadAllText(path));

        Assert.Equal((13916L, 5000), (total, count));
        Assert.Empty(quarantine);
        Assert.Equal(5000, rows.Count);
        Assert.Equal(75, rows.Select(r => r.BalancingAuthorityCode).Distinct().Count());
        Assert.Equal(["demand", "forecast", "interchange", "net_generation"], rows.Select(r => r.Series.Name()).Distinct().Order());
        Assert.Equal(new DateTime(2024, 4, 3, 0, 0, 0, DateTimeKind.Utc), rows[0].PeriodEndUtc);
        Assert.Equal(-21, rows[0].ValueMw);
        Assert.Equal(("TIDC", BaSeries.Interchange), (rows[0].BalancingAuthorityCode, rows[0].Series));
    }

    [Theory]
    [InlineData("\"600\"")]
    [InlineData("600")]
    public void ReadShape_TotalAsStringOrNumber_ReadsIt(string total)
    {
        using var document = JsonDocument.Parse(Page(total, Row(), Row()));

        Assert.Equal((600L, 2), Eia930ApiPage.ReadShape(document.RootElement));
    }

    [Fact]
    public void Read_ValueAsStringNumberOrNull_ReadsNumbersAndSkipsNulls()
    {
        var (rows, quarantine) = Read(Page("3", Row(value: "\"91234\""), Row(type: "\"NG\"", value: "90000.5"), Row(type: "\"TI\"", value: "null")));

        Assert.Empty(quarantine);
        Assert.Equal([91234.0, 90000.5], rows.Select(r => r.ValueMw));
        Assert.Equal([BaSeries.Demand, BaSeries.NetGeneration], rows.Select(r => r.Series));
        Assert.All(rows, r => Assert.Equal(("api", new DateTime(2024, 4, 1, 5, 0, 0, DateTimeKind.Utc)), (r.Source, r.PeriodEndUtc)));
    }

    [Fact]
    public void Read_ValueOutOfTheDoubleRange_IsQuarantinedNotInfinity()
    {
        var (rows, quarantine) = Read(Page("2", Row(value: "1e400"), Row(type: "\"NG\"", value: "-1e400")));

        Assert.Empty(rows);
        Assert.Equal([1L, 2L], quarantine.Select(q => q.Line));
        Assert.All(quarantine, q => Assert.Contains("is not a number", q.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_MalformedRows_QuarantinesEachWithRecordNumberAndReason()
    {
        var (rows, quarantine) = Read(Page("5",
            Row(),
            Row(period: "\"2024-04-01\""),
            Row(type: "\"XX\""),
            Row(value: "\"n/a\""),
            Row(respondent: "null")));

        Assert.Single(rows);
        Assert.Equal([2L, 3L, 4L, 5L], quarantine.Select(q => q.Line));
        Assert.Contains("period '2024-04-01'", quarantine[0].Reason, StringComparison.Ordinal);
        Assert.Contains("type 'XX'", quarantine[1].Reason, StringComparison.Ordinal);
        Assert.Contains("\"n/a\" is not a number", quarantine[2].Reason, StringComparison.Ordinal);
        Assert.Contains("respondent is missing", quarantine[3].Reason, StringComparison.Ordinal);
        Assert.All(quarantine, q => Assert.Equal(File.FileName, q.File));
    }

    /// <summary>Hands out at most a few bytes per read, so that every token and row is split across refills.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
    }

    /// <summary>A page of <paramref name="rows"/> rows made as it is read: never whole in memory, here or in the reader.</summary>
    private sealed class GeneratedPageStream(int rows) : AiEnergyPipeline.Storage.ForwardOnlyReadStream
    {
        private ReadOnlyMemory<byte> _pending = System.Text.Encoding.UTF8.GetBytes("{\"response\":{\"total\":\"" + rows + "\",\"data\":[");
        private int _next;
        private bool _closed;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_pending.IsEmpty)
            {
                if (_next < rows)
                {
                    var hour = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(_next / 4).ToString("yyyy-MM-dd'T'HH", System.Globalization.CultureInfo.InvariantCulture);
                    _pending = System.Text.Encoding.UTF8.GetBytes((_next == 0 ? "" : ",") + Row(period: $"\"{hour}\"", type: $"\"{new[] { "D", "DF", "NG", "TI" }[_next % 4]}\""));
                    _next++;
                }
                else if (!_closed)
                {
                    _pending = "]},\"request\":{\"params\":{\"api_key\":\"REDACTED\"}}}"u8.ToArray();
                    _closed = true;
                }
                else
                {
                    return 0;
                }
            }

            var n = Math.Min(count, _pending.Length);
            _pending.Span[..n].CopyTo(buffer.AsSpan(offset, n));
            _pending = _pending[n..];
            return n;
        }
    }

    [Fact]
    public void Read_PageHandedOutSevenBytesAtATime_ReadsTheSameRowsAsWhole()
    {
        var json = Page("4", Row(), Row(type: "\"NG\"", value: "90000.5"), Row(period: "\"bad\""), Row(type: "\"TI\"", value: "\"-1,234\""));
        var quarantine = new List<QuarantineRecord>();

        var rows = Eia930ApiPage.Read(new TrickleStream(System.Text.Encoding.UTF8.GetBytes(json), 7), File, quarantine.Add).ToList();

        Assert.Equal(Read(json).Rows, rows);
        Assert.Equal([91234.0, 90000.5, -1234.0], rows.Select(r => r.ValueMw));
        Assert.Equal([3L], quarantine.Select(q => q.Line));
    }

    [Fact]
    public void ReadShape_TotalAfterTheRowsAndAByteOrderMark_ReadsItFromTheStream()
    {
        var json = "\uFEFF{\"response\":{\"data\":[" + Row() + "," + Row() + "],\"total\":\"600\"},\"request\":{}}";

        Assert.Equal((600L, 2), Eia930ApiPage.ReadShape(TestFiles.Utf8(json)));
    }

    [Fact]
    public void Read_GeneratedPageOf300000Rows_ReadsEveryRowWithABufferOfOneRowsWorth()
    {
        var rows = new ApiPageRows(new GeneratedPageStream(300_000));
        var count = 0;
        while (rows.TryReadRow(out var row))
        {
            using (row)
            {
                Assert.Equal(JsonValueKind.Object, row!.RootElement.ValueKind);
                count++;
            }
        }

        // About 50 MB of JSON went through a buffer that never had to grow.
        Assert.Equal((300_000, 300_000.0, 1 << 16), (count, rows.Total, rows.BufferBytes));
    }

    [Theory]
    [InlineData("{\"response\":{\"total\":\"2\",\"data\":[{\"period\":\"2024-04-01T05\"},", "not JSON")]
    [InlineData("", "not JSON")]
    [InlineData("{\"response\":[],\"data\":[]}", "no 'response' object")]
    [InlineData("{\"response\":{\"total\":\"1\",\"data\":{}}}", "no 'response.data' array")]
    [InlineData("{\"response\":{\"total\":\"0\",\"data\":[]}} trailing", "not JSON")]
    public void Read_TruncatedOrMisshapenPage_FailsWithTheCauseWhereItGoesWrong(string json, string cause)
    {
        var error = Assert.Throws<SourceException>(() => Read(json));

        Assert.Contains(cause, error.Message, StringComparison.Ordinal);
        Assert.Contains("page.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"error\":\"Invalid frequency\",\"code\":400}", "no 'response' object")]
    [InlineData("{\"response\":{\"total\":\"1\"}}", "no 'response.data' array")]
    [InlineData("<html>", "not JSON")]
    public void Read_NotAnApiDataResponse_FailsWithTheCause(string json, string cause)
    {
        var error = Assert.Throws<SourceException>(() => Read(json));

        Assert.Contains(cause, error.Message, StringComparison.Ordinal);
        Assert.Contains("page.json", error.Message, StringComparison.Ordinal);
    }
}
