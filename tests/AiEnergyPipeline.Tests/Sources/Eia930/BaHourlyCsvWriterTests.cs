using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;

namespace AiEnergyPipeline.Tests.Sources.Eia930;

/// <summary>
/// The fast ba_hourly CSV writer against the simple one (<see cref="TableWriter"/> with
/// <see cref="BaHourlyRows"/>): the same bytes for the same rows and origin, the origin last on
/// every row, also on a row too long for the writer's buffer.
/// </summary>
public sealed class BaHourlyCsvWriterTests : IDisposable
{
    private static readonly DateTime Start = new(2025, 7, 1, 23, 0, 0, DateTimeKind.Utc);

    private readonly string _folder = Repository.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(OriginColumn.Fetched)]
    [InlineData(OriginColumn.Recorded)]
    [InlineData(OriginColumn.Sample)]
    [InlineData(OriginColumn.Curated)]
    public async Task Complete_SameRowsAndOrigin_SameBytesAsTableWriterWithBaHourlyRows(string origin)
    {
        var rows = AwkwardRows();

        var (simple, fast) = await WriteBothAsync(rows, origin);

        Assert.Equal(await File.ReadAllBytesAsync(simple.LocalPath), await File.ReadAllBytesAsync(fast.LocalPath));
        Assert.Equal((simple.Rows, simple.Bytes, simple.Sha256, simple.Part), (fast.Rows, fast.Bytes, fast.Sha256, fast.Part));
    }

    [Theory]
    [InlineData(OriginColumn.Fetched)]
    [InlineData(OriginColumn.Sample)]
    public async Task Write_Rows_EveryLineEndsWithTheOriginGiven(string origin)
    {
        var rows = AwkwardRows();

        var (_, fast) = await WriteBothAsync(rows, origin);

        var text = await File.ReadAllTextAsync(fast.LocalPath);
        var lines = text.Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.Equal(string.Join(',', Schemas.BaHourly.ColumnNames), lines[0]);
        Assert.EndsWith(",origin", lines[0], StringComparison.Ordinal);
        var body = lines[1..^1];
        Assert.Equal(rows.Count, body.Length);
        Assert.All(body, line => Assert.EndsWith("," + origin, line, StringComparison.Ordinal));
        // the row longer than the buffer, written in pieces, ends the same way
        Assert.Single(body, line => line.Length > 1 << 20);
    }

    [Fact]
    public async Task Write_DifferentOrigins_OnlyTheLastColumnDiffers()
    {
        var rows = AwkwardRows();

        var (_, fetched) = await WriteBothAsync(rows, OriginColumn.Fetched, "fetched");
        var (_, sample) = await WriteBothAsync(rows, OriginColumn.Sample, "sample");

        var fetchedLines = (await File.ReadAllLinesAsync(fetched.LocalPath)).Skip(1).ToList();
        var sampleLines = (await File.ReadAllLinesAsync(sample.LocalPath)).Skip(1).ToList();
        Assert.Equal(fetchedLines.Select(l => l[..^",fetched".Length]), sampleLines.Select(l => l[..^",sample".Length]));
        Assert.NotEqual(fetched.Sha256, sample.Sha256);
    }

    /// <summary>Codes CsvHelper quotes, nulls, numbers of every form, hours across a day, and one code longer than the writer's buffer.</summary>
    private static List<BaHourlyRecord> AwkwardRows()
    {
        var rows = new List<BaHourlyRecord>();
        string[] codes = ["PJM", "A,B", "Q\"X", " ERCO ", "=SUM", new string('L', (1 << 20) + 10)];
        double[] values = [0, -0.0, 1.5, -4693, 1234567890123456789, 0.1, -1.5e-7, 1e15, 21521];
        for (var c = 0; c < codes.Length; c++)
        {
            for (var h = 0; h < 3; h++)
            {
                var period = Start.AddHours(h);
                foreach (var series in Enum.GetValues<BaSeries>())
                {
                    var i = rows.Count;
                    // the long code once only: one row that does not fit the buffer is enough
                    if (c == codes.Length - 1 && (h > 0 || series != BaSeries.Demand))
                    {
                        continue;
                    }

                    bool? imputed = (i % 3) switch { 0 => null, 1 => true, _ => false };
                    DemandQuality? quality = series == BaSeries.Demand ? (DemandQuality)(i % 4) : null;
                    rows.Add(new BaHourlyRecord(codes[c], period, series, values[i % values.Length], i % 5 == 0 ? "api" : "bulk", imputed, quality));
                }
            }
        }

        return rows;
    }

    private async Task<(StagedTable Simple, StagedTable Fast)> WriteBothAsync(List<BaHourlyRecord> rows, string origin, string folder = "")
    {
        var directory = Path.Combine(_folder, folder);
        StagedTable simple;
        await using (var writer = TableWriter.CreatePart(Path.Combine(directory, "simple"), Schemas.BaHourly, "part", origin))
        {
            foreach (var row in rows)
            {
                BaHourlyRows.Write(writer, row);
            }

            simple = await writer.CompleteAsync(CancellationToken.None);
        }

        Directory.CreateDirectory(Path.Combine(directory, "fast"));
        using var fast = new BaHourlyCsvWriter(Path.Combine(directory, "fast", "part.csv"), origin);
        foreach (var row in rows)
        {
            fast.Write(row.BalancingAuthorityCode, row.PeriodEndUtc, row.Series, row.ValueMw, row.Source, row.Imputed, row.Quality);
        }

        return (simple, fast.Complete("part"));
    }
}
