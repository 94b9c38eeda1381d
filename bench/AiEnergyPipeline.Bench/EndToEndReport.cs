using System.Globalization;

namespace AiEnergyPipeline.Bench;

/// <summary>The e2e phase's figures against DuckDB's, and its last line.</summary>
internal static class EndToEndReport
{
    /// <summary>The bytes of Parquet a phase wrote (DuckDB's file; the partition's Parquet in the e2e store), 0 for the others.</summary>
    public static long ParquetBytes(string phase, string outputDirectory) => phase switch
    {
        Phases.DuckDb => File.Exists(Path.Combine(outputDirectory, "duckdb.parquet")) ? new FileInfo(Path.Combine(outputDirectory, "duckdb.parquet")).Length : 0,
        Phases.EndToEnd => EndToEndPhase.PublishedFiles(outputDirectory).Where(f => f.Extension == ".parquet").Sum(f => f.Length),
        _ => 0,
    };

    /// <summary>
    /// How the product's code runs in this bench: ReadyToRun-compiled ahead of time, as the
    /// published Functions app runs it, or compiled by the JIT as it starts, as a build (and
    /// <c>dotnet run</c>) leaves it. Read from the library assembly's header.
    /// </summary>
    public static string ProductCompilation()
    {
        using var file = File.OpenRead(typeof(Hosting.PipelineServiceCollectionExtensions).Assembly.Location);
        using var pe = new System.Reflection.PortableExecutable.PEReader(file);
        return pe.PEHeaders.CorHeader?.ManagedNativeHeaderDirectory.Size > 0
            ? "ReadyToRun (published, as the Functions app is deployed)"
            : "JIT (built, as dotnet run leaves it; publish the bench to measure the deployed form)";
    }

    /// <summary>
    /// <c>eia930_e2e rows=N mb_per_s=X peak_mb=Y ratio_to_duckdb=Z parquet_bytes_ratio_to_duckdb=W</c>: X is input MB
    /// per second of the whole partition step, Y its child's peak resident set, Z DuckDB's time over
    /// the e2e time (both in this run), W the partition's Parquet bytes over DuckDB's.
    /// </summary>
    public static string Line(long rows, double megabytes, IReadOnlyDictionary<string, PhaseResult> results, IReadOnlyDictionary<string, long> parquetBytes, BalanceFileServer server)
    {
        var e2e = results[Phases.EndToEnd];
        var duckDb = results[Phases.DuckDb];
        var bytesRatio = parquetBytes[Phases.DuckDb] > 0 ? (double)parquetBytes[Phases.EndToEnd] / parquetBytes[Phases.DuckDb] : double.NaN;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"e2e: the product's code: {ProductCompilation()}; {server.Requests} request(s) to the local server, {server.NotModified} answered 304, serving them took {server.CpuSeconds:F2} CPU-s of this machine's; parquet {parquetBytes[Phases.EndToEnd] / 1e6:F1} MB against DuckDB's {parquetBytes[Phases.DuckDb] / 1e6:F1} MB; DuckDB time / e2e time = {duckDb.Seconds / e2e.Seconds:F2} (target >= 3.0){SixColumns(results)}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"eia930_e2e rows={rows} mb_per_s={megabytes / e2e.Seconds:F1} peak_mb={e2e.PeakMb:F0} ratio_to_duckdb={duckDb.Seconds / e2e.Seconds:F2} parquet_bytes_ratio_to_duckdb={bytesRatio:F2}");
    }

    /// <summary>The same ratio against DuckDB writing ba_hourly's first six columns only, when that phase ran (figures before 2026-12-01 are against it).</summary>
    private static string SixColumns(IReadOnlyDictionary<string, PhaseResult> results) =>
        results.TryGetValue(Phases.DuckDbSixColumns, out var six)
            ? string.Create(CultureInfo.InvariantCulture, $"; against DuckDB writing the six columns of before ({six.Seconds:F2} s): {six.Seconds / results[Phases.EndToEnd].Seconds:F2}")
            : "";

    /// <summary>
    /// <c>eia930_e2e_spread rows=N runs=K ratios=R1,R2,.. ratio_to_duckdb_min=A ratio_to_duckdb_median=B ratio_to_duckdb_max=C runs_at_target=M cpu_ratios=.. cpu_ratio_to_duckdb_median=D [six_column_ratios=.. six_column_ratio_median=E six_column_runs_at_target=F]</c>:
    /// the ratios of K rounds (this machine's load moves DuckDB's time and ours between runs, so one round says little),
    /// then DuckDB's CPU time over the e2e child's and the local server's together, round by round: the steadier figure;
    /// last, when DuckDB also wrote the six columns of before, the ratios against that.
    /// </summary>
    public static string SpreadLine(long rows, IReadOnlyList<double> ratios, IReadOnlyList<double> cpuRatios, IReadOnlyList<double> sixColumnRatios)
    {
        var sorted = ratios.Order().ToList();
        var sixColumns = sixColumnRatios.Count == 0
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" six_column_ratios={Joined(sixColumnRatios)} six_column_ratio_median={Median(sixColumnRatios):F2} six_column_runs_at_target={sixColumnRatios.Count(r => r >= 3.0)}");
        return string.Create(CultureInfo.InvariantCulture,
            $"eia930_e2e_spread rows={rows} runs={ratios.Count} ratios={Joined(ratios)} ratio_to_duckdb_min={sorted[0]:F2} ratio_to_duckdb_median={Median(ratios):F2} ratio_to_duckdb_max={sorted[^1]:F2} runs_at_target={ratios.Count(r => r >= 3.0)} cpu_ratios={Joined(cpuRatios)} cpu_ratio_to_duckdb_median={Median(cpuRatios):F2}{sixColumns}");
    }

    private static string Joined(IEnumerable<double> values) => string.Join(',', values.Select(r => r.ToString("F2", CultureInfo.InvariantCulture)));

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
