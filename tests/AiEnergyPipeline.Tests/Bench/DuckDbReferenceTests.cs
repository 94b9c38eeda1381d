using AiEnergyPipeline.Sources.Eia930;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.TestKit;
using DuckDB.NET.Data;
using System.Globalization;
using System.Text;
using static AiEnergyPipeline.Tests.Sources.Eia930.BalanceCsvSamples;

namespace AiEnergyPipeline.Tests.Bench;

/// <summary>
/// The bench measures the product against DuckDB writing ba_hourly
/// (bench/AiEnergyPipeline.Bench/BaHourlyInDuckDb.sql). A ratio means something only if DuckDB
/// writes the same table: the same rows, values, demand qualities and origin, checked here row for
/// row against the product's own normaliser, on a file made to hit every screen and on real series.
/// </summary>
public sealed class DuckDbReferenceTests : IDisposable
{
    private const string ReferenceSql = "bench/AiEnergyPipeline.Bench/BaHourlyInDuckDb.sql";
    private readonly string _folder = Repository.NewTempFolder();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ReferenceSql_EveryScreen_WritesTheRowsTheProductWrites()
    {
        // AAA: a steady climb, a run of four equal hours, a spike between neighbours, two hours at
        // or below zero, an hour without demand, a missing hour, then a spike and a drop against
        // the last day's median. BBB: too few hours for the median, a spike and a run of three.
        double?[] aaa = [1000, 1010, 1020, 1030, 1040, 1050, 1060, 1070, 1080, 1090, 1100, 1110, 1120, 1130, 1130, 1130, 1130, 2000, 1140, 0, -5, 1150, null, 1160];
        var rows = Hours("AAA", 0, aaa).ToList();
        rows.AddRange(Hours("AAA", aaa.Length + 1, [5000, 1165, 300, 1170, 1180]));
        rows.AddRange(Hours("BBB", 0, [100, 5000, 100, 100, 100]));
        // CCC: 11 hours, then (after a gap, so without neighbours) 4,000: not judged against a median of fewer than 12 hours.
        rows.AddRange(Hours("CCC", 0, [.. Enumerable.Range(0, 11).Select(i => (double?)(1000 + i))]));
        rows.AddRange(Hours("CCC", 12, [4000]));
        // DDD: 12 hours near 100 and 12 near 1,000, then (after a gap) 2,000: more than 3 times the median
        // of the last 24 hours (555.5, the mean of the middle two), not of the last 23 (1,000).
        rows.AddRange(Hours("DDD", 0, [.. Enumerable.Range(0, 12).Select(i => (double?)(100 + i)), .. Enumerable.Range(0, 12).Select(i => (double?)(1000 + i))]));
        rows.AddRange(Hours("DDD", 25, [2000]));

        var (ours, duckDb) = await BothAsync(File([.. rows]));

        var qualities = ours.GroupBy(r => r.Split('|')[6]).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(2, qualities["negative"]);
        Assert.Equal(3, qualities["stuck"]);
        // AAA 3, BBB 1, DDD 13: each of its hours near 1,000 against a median still near 100, then the 2,000
        Assert.Equal(17, qualities["spike"]);
        Assert.Equal(aaa.Length + 5 + 5 - 1 + 12 + 25, qualities.Where(q => q.Key != "").Sum(q => q.Value));
        Assert.Contains(ours, r => r.StartsWith("CCC|", StringComparison.Ordinal) && r.Contains("|demand|4000.0|", StringComparison.Ordinal) && r.EndsWith("|ok|fetched", StringComparison.Ordinal));
        Assert.Contains(ours, r => r.StartsWith("DDD|", StringComparison.Ordinal) && r.Contains("|demand|2000.0|", StringComparison.Ordinal) && r.EndsWith("|spike|fetched", StringComparison.Ordinal));
        Assert.Equal(ours, duckDb);
    }

    [SkippableFact]
    public async Task ReferenceSql_RealSeries_WritesTheRowsTheProductWrites()
    {
        // Real hourly demand with real negative hours, stuck meters, spikes and gaps (SCL, TEPC), and PJM's EMPTY hours and 2,147,480,000 MW.
        var rows = new List<string>();
        foreach (var (ba, file) in new[] { ("SCL", "eia930/screened-2020-2024/SCL.csv"), ("TEPC", "eia930/screened-2020-2024/TEPC.csv"), ("PJM", "eia930/demand-2020-2024/PJM.csv") })
        {
            var path = Repository.RealData(file);
            Skip.IfNot(System.IO.File.Exists(path), $"needs ../shared/data/real/{file}, which is not beside this checkout");
            foreach (var line in System.IO.File.ReadLines(path).Skip(1))
            {
                var cells = line.Split(',');
                var utc = DateTime.ParseExact(cells[0], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                var demand = double.TryParse(cells[1], CultureInfo.InvariantCulture, out var v) ? v.ToString(CultureInfo.InvariantCulture) : "";
                rows.Add(Row(ba, Utc(utc), "", demand, "", ""));
            }
        }

        var (ours, duckDb) = await BothAsync(File([.. rows]));

        var qualities = ours.GroupBy(r => r.Split('|')[6]).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(qualities["negative"] > 0 && qualities["stuck"] > 0 && qualities["spike"] > 0, string.Join(", ", qualities));
        Assert.InRange(ours.Count, 130_000, 132_000);
        Assert.Equal(ours, duckDb);
    }

    private static IEnumerable<string> Hours(string ba, int firstHour, double?[] demand)
    {
        var start = new DateTime(2025, 7, 1, 1, 0, 0, DateTimeKind.Utc);
        for (var h = 0; h < demand.Length; h++)
        {
            var text = demand[h] is { } d ? Quoted(d) : "";
            var value = demand[h] ?? 1000;
            // every other hour adjusted and every fifth imputed, so that both columns are compared too
            yield return Row(ba, Utc(start.AddHours(firstHour + h)), Quoted(value + 7), h % 2 == 0 ? text : "1", Quoted(value * 0.9), "-12",
                demandImputed: h % 5 == 0 ? "1" : "", demandAdjusted: h % 2 == 0 ? "" : text);
        }
    }

    private static string Quoted(double value) => value >= 1000 ? $"\"{value.ToString("#,0.##", CultureInfo.InvariantCulture)}\"" : value.ToString(CultureInfo.InvariantCulture);

    private static string Utc(DateTime utc) => utc.ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture);

    /// <summary>The product's ba_hourly Parquet and DuckDB's table for the same file, each as sorted rows of comparable text.</summary>
    private async Task<(List<string> Ours, List<string> DuckDb)> BothAsync(string csv)
    {
        var input = Path.Combine(_folder, "EIA930_BALANCE_2025_Jul_Dec.csv");
        await System.IO.File.WriteAllTextAsync(input, csv, new UTF8Encoding(false));
        var file = TestFiles.Fetched("eia930_bulk", "EIA930_BALANCE_2025_Jul_Dec.csv") with { LocalPath = input };
        var result = await BalancePartitionNormaliser.NormaliseAsync(file, Path.Combine(_folder, "out"), "part", _ => { }, CancellationToken.None);
        var parquet = result.Files.Single(f => f.Format == "parquet").LocalPath;

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, (await System.IO.File.ReadAllTextAsync(Path.Combine(Repository.Root, ReferenceSql)))
            .Replace("{csv}", input, StringComparison.Ordinal).Replace("{origin}", OriginColumn.Fetched, StringComparison.Ordinal));
        return (Rows(connection, $"read_parquet('{parquet}')"), Rows(connection, "ba_hourly"));
    }

    private static List<string> Rows(DuckDBConnection connection, string from)
    {
        using var command = connection.CreateCommand();
        // epoch() reads a TIMESTAMP (DuckDB's) and a TIMESTAMP WITH TIME ZONE (ours) alike, in UTC
        command.CommandText = $"SELECT concat_ws('|', balancing_authority_code, epoch(period_end_utc), series, value_mw, source, coalesce(imputed::VARCHAR, ''), coalesce(quality, ''), origin) AS r FROM {from} ORDER BY r";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
