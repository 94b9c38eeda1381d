using AiEnergyPipeline.Tables;
using DuckDB.NET.Data;
using System.Diagnostics;
using System.Globalization;

namespace AiEnergyPipeline.Bench;

/// <summary>
/// The parquet phase: the ba_hourly rows of a generated BALANCE file of N rows
/// (<see cref="BaHourlyRowGenerator"/>) written by each candidate writer with each codec, each in
/// its own child process (time, CPU, peak resident memory of its own), then DuckDB's default COPY
/// of the same rows; every file is read back by DuckDB to check it holds the same rows.
/// </summary>
/// <remarks>
/// dotnet run -c Release --project bench/AiEnergyPipeline.Bench -- parquet [--rows N] [--writers hand,parquetnet,parquetsharp,arrow] [--codecs snappy,zstd] [--dir D]
/// </remarks>
internal static class ParquetBench
{
    private const string Sums = "count(*), count(*) FILTER (imputed IS NULL), count(*) FILTER (imputed), count(*) FILTER (quality IS NULL), count(DISTINCT balancing_authority_code), sum(value_mw), sum(epoch(period_end_utc))";

    public static async Task<int> RunAsync(string[] args)
    {
        long rows = 1_000_000;
        var writers = ParquetCandidate.Names;
        string[] codecs = ["snappy", "zstd"];
        var directory = Path.Combine(Path.GetTempPath(), "aienergy-parquet-bench-" + Environment.ProcessId);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rows" when i + 1 < args.Length:
                    rows = long.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--writers" when i + 1 < args.Length:
                    writers = args[++i].Split(',');
                    break;
                case "--codecs" when i + 1 < args.Length:
                    codecs = args[++i].Split(',');
                    break;
                case "--dir" when i + 1 < args.Length:
                    directory = args[++i];
                    break;
                default:
                    Console.Error.WriteLine("usage: parquet [--rows N] [--writers hand,parquetnet,parquetsharp,arrow] [--codecs snappy,zstd] [--dir DIRECTORY]");
                    return 2;
            }
        }

        Directory.CreateDirectory(directory);
        try
        {
            var baseline = await ChildAsync(["parquet-write", "none", "snappy", rows.ToString(CultureInfo.InvariantCulture), Path.Combine(directory, "none")]);
            Console.WriteLine($"rows generated alone: {baseline.Seconds,6:F2} s  peak {baseline.PeakMb,5:F0} MB (included in every writer's time below)");
            var results = new List<(string Name, PhaseResult Result, string Path)>();
            foreach (var writer in writers)
            {
                foreach (var codec in codecs)
                {
                    var path = Path.Combine(directory, $"{writer}-{codec}.parquet");
                    results.Add(($"{writer}-{codec}", await ChildAsync(["parquet-write", writer, codec, rows.ToString(CultureInfo.InvariantCulture), path]), path));
                }
            }

            var reference = results[0].Path;
            var duckPath = Path.Combine(directory, "duckdb-default.parquet");
            var duck = await ChildAsync(["parquet-duckdb", reference, duckPath]);
            var duckBytes = new FileInfo(duckPath).Length;
            var expected = SumsOf(duckPath);
            Console.WriteLine($"{"writer",-20} {"seconds",8} {"cpu_s",7} {"peak_mb",7} {"bytes",12} {"ratio_to_duckdb",15}  rows check");
            Console.WriteLine($"{"duckdb COPY default",-20} {duck.Seconds,8:F2} {duck.CpuSeconds,7:F2} {duck.PeakMb,7:F0} {duckBytes,12:N0} {1.0,15:F2}  (COPY alone, from {Path.GetFileName(reference)})");
            foreach (var (name, result, path) in results)
            {
                var bytes = new FileInfo(path).Length;
                var same = SumsOf(path) == expected ? "same rows" : "DIFFERENT ROWS: " + SumsOf(path);
                Console.WriteLine($"{name,-20} {result.Seconds,8:F2} {result.CpuSeconds,7:F2} {result.PeakMb,7:F0} {bytes,12:N0} {(double)bytes / duckBytes,15:F2}  {same}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"parquet_writer name={name} rows={rows} seconds={result.Seconds:F3} peak_mb={result.PeakMb:F0} bytes={bytes} bytes_ratio_to_duckdb={(double)bytes / duckBytes:F3}"));
            }

            Console.WriteLine($"duckdb sums: {expected}");
            foreach (var path in new[] { duckPath }.Concat(results.Select(r => r.Path)))
            {
                Console.WriteLine($"{Path.GetFileName(path)} by column (compressed bytes, encodings): {ColumnsOf(path)}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Child: writes the rows with one writer and codec ("none": generates them only).</summary>
    public static int Write(string writer, string codec, long rows, string path)
    {
        var compression = codec == "zstd" ? ParquetCompression.Zstd : ParquetCompression.Snappy;
        var clock = Stopwatch.StartNew();
        long written;
        if (writer == "none")
        {
            double sum = 0;
            written = BaHourlyRowGenerator.Generate(rows, (_, _, _, value, _, _, _) => sum += value);
            Console.Error.WriteLine($"none: sum {sum}");
        }
        else
        {
            using var candidate = ParquetCandidate.Create(writer, path, compression);
            written = BaHourlyRowGenerator.Generate(rows, candidate.Add);
            candidate.Complete();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"{writer}-{codec}: {written} ba_hourly rows, allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB");
        Report(seconds);
        return 0;
    }

    /// <summary>Child: DuckDB loads the rows of <paramref name="reference"/>, then its default COPY to Parquet is timed.</summary>
    public static int DuckDbCopy(string reference, string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "SET preserve_insertion_order = true");
        Execute(connection, $"CREATE TABLE ba_hourly AS SELECT * FROM read_parquet('{reference}')");
        var clock = Stopwatch.StartNew();
        Execute(connection, $"COPY ba_hourly TO '{path}' (FORMAT parquet)");
        Report(clock.Elapsed.TotalSeconds);
        return 0;
    }

    private static string SumsOf(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT concat_ws(' ', {Sums}) FROM read_parquet('{path}')";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>Each column's compressed bytes over all row groups and its encodings, from DuckDB's parquet_metadata().</summary>
    private static string ColumnsOf(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT string_agg(path_in_schema || ' ' || bytes || ' ' || encodings, '; ' ORDER BY column_id) FROM (SELECT column_id, path_in_schema, sum(total_compressed_size) AS bytes, max(encodings) AS encodings FROM parquet_metadata('{path}') GROUP BY ALL)";
        return (string)command.ExecuteScalar()!;
    }

    private static void Report(double seconds)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seconds={seconds:F3} cpu_seconds={cpu:F3} peak_mb={PeakMb():F1}"));
    }

    private static double PeakMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task<PhaseResult> ChildAsync(string[] arguments) =>
        ChildPhase.ResultOf(await ChildPhase.RunAsync(arguments, asTheCliRuns: false));
}
