using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Eia930;
using CsvHelper;
using DuckDB.NET.Data;
using System.Diagnostics;

namespace AiEnergyPipeline.Bench;

/// <summary>The timed work of each phase, run alone in a child process so that peaks do not mix.</summary>
internal static class Phases
{
    public const string Bare = "bare";
    public const string Project = "project";

    /// <summary>DuckDB writing the table the product publishes (<see cref="DuckDbReference.SameTable"/>): the reference of every ratio.</summary>
    public const string DuckDb = "duckdb";

    /// <summary>DuckDB writing ba_hourly as it was when the e2e target was set, without quality and origin (<see cref="DuckDbReference.SixColumns"/>).</summary>
    public const string DuckDbSixColumns = "duckdb-six";

    /// <summary>The product's partition step end to end, from a local HTTP server (<see cref="EndToEndPhase"/>); its input argument is the server's folder URL.</summary>
    public const string EndToEnd = "e2e";

    /// <summary>Hidden: the project's BALANCE parser alone, without writing (where the time goes).</summary>
    public const string Parse = "parse";

    /// <summary>Hidden: how DuckDB reads a Parquet file's column types (a check of the type mapping).</summary>
    public const string DescribeParquet = "describe";

    /// <summary>Runs one phase and returns its wall time in seconds.</summary>
    public static async Task<double> RunAsync(string phase, string csvPath, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var clock = Stopwatch.StartNew();
        switch (phase)
        {
            case Bare:
                BareRead(csvPath);
                break;
            case Project:
                await NormaliseAsync(csvPath, outputDirectory);
                break;
            case DuckDb:
                DuckDbConvert(csvPath, outputDirectory, DuckDbReference.SameTable);
                break;
            case DuckDbSixColumns:
                DuckDbConvert(csvPath, outputDirectory, DuckDbReference.SixColumns);
                break;
            case EndToEnd:
                await EndToEndPhase.RunAsync(new Uri(csvPath), outputDirectory);
                break;
            case var history when history.StartsWith(HistoryBench.Phase + ":", StringComparison.Ordinal):
                await EndToEndPhase.RunAsync(new Uri(csvPath), outputDirectory, int.Parse(history[(HistoryBench.Phase.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ApiPageBench.Phase:
                await ApiPageBench.RunPhaseAsync(new Uri(csvPath), outputDirectory);
                break;
            case Parse:
                ParseOnly(csvPath);
                break;
            case DescribeParquet:
                Describe(csvPath);
                break;
            default:
                throw new ArgumentException($"unknown phase '{phase}'");
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>The floor: CsvHelper reads every field of every record (as UTF-8 spans), nothing else.</summary>
    private static void BareRead(string csvPath)
    {
        using var csv = CsvReader.FromFile(csvPath, CsvReaderOptions.Default with { Separator = ',' });
        long bytes = 0;
        long records = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                bytes += csv.GetSpan(i).Length;
            }

            records++;
        }

        Console.Error.WriteLine($"bare: {records} records, {bytes} field bytes");
    }

    /// <summary>The project's parser alone: every row read and validated, nothing written.</summary>
    private static void ParseOnly(string csvPath)
    {
        var info = new FileInfo(csvPath);
        var file = new FetchedFile("eia930_bulk", info.Name, "raw", "", info.Length, "file://", DateTimeOffset.UtcNow, null, null, info.FullName, false);
        using var stream = File.OpenRead(csvPath);
        using var rows = Eia930BalanceRowReader.Open(stream, file, _ => { });
        long n = 0;
        while (rows.Next())
        {
            n++;
        }

        Console.Error.WriteLine($"parse: {n}");
    }

    private static async Task NormaliseAsync(string csvPath, string outputDirectory)
    {
        var info = new FileInfo(csvPath);
        var file = new FetchedFile("eia930_bulk", info.Name, "raw/eia930_bulk/" + info.Name, "", info.Length, "file://" + info.FullName, DateTimeOffset.UtcNow, null, null, info.FullName, false);
        long quarantined = 0;
        // AIENERGY_BENCH_ROW_GROUP_ROWS tries another Parquet row group size (memory against speed).
        var rowGroupRows = int.TryParse(Environment.GetEnvironmentVariable("AIENERGY_BENCH_ROW_GROUP_ROWS"), out var r) ? r : BaHourlyParquet.DefaultRowGroupRows;
        var result = await BalancePartitionNormaliser.NormaliseAsync(file, outputDirectory, "bench", _ => quarantined++, CancellationToken.None, rowGroupRows);
        Console.Error.WriteLine($"project: {result.RowsOut} ba_hourly rows, {quarantined} quarantined, {string.Join(", ", result.Files.Select(f => $"{f.Format} {f.Bytes / 1e6:F1} MB"))}");
    }

    /// <summary>
    /// DuckDB as a user would write it (<paramref name="sqlFile"/>, one of <see cref="DuckDbReference"/>'s),
    /// kept in a table, then COPY to CSV and to Parquet.
    /// </summary>
    private static void DuckDbConvert(string csvPath, string outputDirectory, string sqlFile)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var csvOut = Path.Combine(outputDirectory, "duckdb.csv");
        var parquetOut = Path.Combine(outputDirectory, "duckdb.parquet");
        Execute(connection, "SET preserve_insertion_order = true");
        Execute(connection, DuckDbReference.Sql(sqlFile, csvPath));
        Execute(connection, $"COPY ba_hourly TO '{csvOut}' (HEADER, DELIMITER ',')");
        Execute(connection, $"COPY ba_hourly TO '{parquetOut}' (FORMAT parquet)");
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM ba_hourly";
        Console.Error.WriteLine($"duckdb ({sqlFile}): {count.ExecuteScalar()} ba_hourly rows, csv {new FileInfo(csvOut).Length / 1e6:F1} MB, parquet {new FileInfo(parquetOut).Length / 1e6:F1} MB");
    }

    /// <summary>How DuckDB reads a Parquet file's columns (hidden phase "describe", a check of the type mapping).</summary>
    private static void Describe(string parquetPath)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{parquetPath}'))";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            Console.Error.WriteLine($"{reader.GetString(0)} {reader.GetString(1)}");
        }

        command.CommandText = $"SELECT coalesce(min(period_end_utc)::VARCHAR, 'none'), count(*) FROM read_parquet('{parquetPath}')";
        using var first = command.ExecuteReader();
        first.Read();
        Console.Error.WriteLine($"first period {first.GetString(0)}, rows {first.GetInt64(1)}");

        // The CSV beside it, when there is one, summed the same way: the two lines must match.
        var csvPath = Path.ChangeExtension(parquetPath, ".csv");
        const string Sums = "count(*), count(*) FILTER (imputed IS NULL), count(*) FILTER (imputed), count(DISTINCT balancing_authority_code), count(DISTINCT series), count(DISTINCT source), sum(value_mw), sum(epoch(period_end_utc::TIMESTAMPTZ))";
        foreach (var (label, from) in new[] { ("parquet", $"read_parquet('{parquetPath}')"), ("csv", $"read_csv('{csvPath}', header = true, types = {{'period_end_utc': 'TIMESTAMPTZ', 'value_mw': 'DOUBLE', 'imputed': 'BOOLEAN'}})") })
        {
            if (label == "csv" && !File.Exists(csvPath))
            {
                continue;
            }

            command.CommandText = $"SELECT concat_ws(' ', {Sums}) FROM {from}";
            using var sums = command.ExecuteReader();
            sums.Read();
            Console.Error.WriteLine($"{label} sums: {sums.GetString(0)}");
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
