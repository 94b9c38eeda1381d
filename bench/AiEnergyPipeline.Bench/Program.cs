using System.Diagnostics;
using System.Globalization;
using AiEnergyPipeline.Bench;

// dotnet run -c Release --project bench/AiEnergyPipeline.Bench -- eia930 --rows N [--dir D] [--keep] [--reuse] [--phases bare,project,duckdb,duckdb-six,e2e] [--repeat K]
// (--reuse keeps the generated file and uses it again when it is there; --phases runs only those;
// --repeat runs the phases K times in turn and ends with the spread of the e2e ratios)
// Generates a BALANCE-shaped CSV of N rows, then times five phases (duckdb writes the table the product publishes, duckdb-six the six columns of before), each in a child process
// (this program re-invoked with the hidden "phase" command) so that each peak working set is its own;
// the e2e phase fetches the file from a local Kestrel server that this process runs (BalanceFileServer).
// dotnet run -c Release --project bench/AiEnergyPipeline.Bench -- history [--rows N] [--partitions K]
// Runs the product's partition step for K half-years of a generated file of real size in one process (HistoryBench).
// dotnet run -c Release --project bench/AiEnergyPipeline.Bench -- parquet [--rows N] [--writers W,..] [--codecs C,..]
// Writes the same generated ba_hourly rows with each Parquet writer and codec against DuckDB's COPY (ParquetBench).
// dotnet run -c Release --project bench/AiEnergyPipeline.Bench -- changes [--generators N] [--vintages N] [--change-rate R]
// Feeds generated EIA-860M vintages to the generator_changes log and reports its memory (ChangeLogBench).
// dotnet run -c Release --project bench/AiEnergyPipeline.Bench -- apipage [--rows N,..]
// Fetches and reads one generated EIA API page of each length through the product's API source: memory against page length (ApiPageBench).
return args switch
{
    ["eia930", .. var rest] => await Eia930Async(rest),
    ["changes", .. var rest] => await ChangeLogBench.RunAsync(rest),
    ["parquet", .. var rest] => await ParquetBench.RunAsync(rest),
    ["parquet-write", var writer, var codec, var rows, var path] => ParquetBench.Write(writer, codec, long.Parse(rows, CultureInfo.InvariantCulture), path),
    ["parquet-duckdb", var reference, var path] => ParquetBench.DuckDbCopy(reference, path),
    ["history", .. var rest] => await HistoryBench.RunAsync(rest),
    ["apipage", .. var rest] => await ApiPageBench.RunAsync(rest),
    ["phase", var phase, var csv, var output] => await PhaseAsync(phase, csv, output),
    ["generate", var rows, var csv] => Generate(long.Parse(rows, CultureInfo.InvariantCulture), csv),
    _ => Usage(),
};

// Hidden: writes the generated BALANCE file only, to time one phase by hand.
static int Generate(long rows, string csv)
{
    BalanceFileGenerator.Write(csv, rows);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: eia930 --rows N [--dir DIRECTORY] [--keep] [--reuse] [--phases P,..] [--repeat K] | history [--rows N] [--partitions K] [--dir DIRECTORY] | parquet [--rows N] [--writers W,..] [--codecs C,..] [--dir DIRECTORY] | changes [--generators N] [--vintages N] [--change-rate R] | apipage [--rows N,..]");
    return 2;
}

static async Task<int> Eia930Async(string[] args)
{
    long rows = 500_000;
    var directory = Path.Combine(Path.GetTempPath(), "aienergy-bench-" + Environment.ProcessId);
    var keep = false;
    var reuse = false;
    var repeat = 1;
    string[] phases = [Phases.Bare, Phases.Project, Phases.DuckDb, Phases.DuckDbSixColumns, Phases.EndToEnd];
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--rows" when i + 1 < args.Length:
                rows = long.Parse(args[++i], CultureInfo.InvariantCulture);
                break;
            case "--dir" when i + 1 < args.Length:
                directory = args[++i];
                break;
            case "--keep":
                keep = true;
                break;
            case "--reuse":
                reuse = true;
                keep = true;
                break;
            case "--repeat" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
                repeat = n;
                i++;
                break;
            case "--phases" when i + 1 < args.Length:
                phases = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                break;
            default:
                return Usage();
        }
    }

    Directory.CreateDirectory(directory);
    var csv = Path.Combine(directory, $"EIA930_BALANCE_bench_{rows}.csv");
    try
    {
        var clock = Stopwatch.StartNew();
        if (!reuse || !File.Exists(csv))
        {
            BalanceFileGenerator.Write(csv, rows);
        }

        // On disk before any phase starts: otherwise the kernel writes the fresh file back while
        // the first phases run, and their times measure that too (seconds of noise at 5M rows).
        using (var written = new FileStream(csv, FileMode.Open, FileAccess.ReadWrite))
        {
            written.Flush(flushToDisk: true);
        }

        var megabytes = new FileInfo(csv).Length / 1e6;
        Console.WriteLine($"generated {rows:N0} rows, {megabytes:F1} MB in {clock.Elapsed.TotalSeconds:F1} s: {csv}");

        await using var server = await BalanceFileServer.StartAsync(csv, EndToEndPhase.ServedName);
        // Rounds of all the phases one after the other, so that each round's ratios share the machine's state.
        var ratios = new List<double>();
        var cpuRatios = new List<double>();
        var sixColumnRatios = new List<double>();
        for (var round = 1; round <= repeat; round++)
        {
            if (repeat > 1)
            {
                Console.WriteLine($"round {round} of {repeat}");
            }

            var results = new Dictionary<string, PhaseResult>();
            var parquetBytes = new Dictionary<string, long>();
            foreach (var phase in phases)
            {
                var output = Path.Combine(directory, phase);
                // The server runs in this process: its CPU during the e2e phase is the machine's, taken from the child's two cores.
                var parentCpu = Process.GetCurrentProcess().TotalProcessorTime;
                var result = await RunChildAsync(phase, phase == Phases.EndToEnd ? server.Folder.AbsoluteUri : csv, output);
                if (phase == Phases.EndToEnd)
                {
                    server.CpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - parentCpu).TotalSeconds;
                }

                results[phase] = result;
                parquetBytes[phase] = EndToEndReport.ParquetBytes(phase, output);
                Console.WriteLine($"{phase,-10} {result.Seconds,8:F2} s  {rows / result.Seconds,12:N0} rows/s  {megabytes / result.Seconds,8:F1} MB/s  peak {result.PeakMb,7:F0} MB  cpu {result.CpuSeconds,6:F2} s");
                if (Directory.Exists(output))
                {
                    Directory.Delete(output, recursive: true);
                }
            }

            if (results.TryGetValue(Phases.Project, out var project) && results.ContainsKey(Phases.Bare) && results.ContainsKey(Phases.DuckDb))
            {
                PrintProjectLine(rows, megabytes, project, results);
            }

            if (results.ContainsKey(Phases.EndToEnd) && results.ContainsKey(Phases.DuckDb))
            {
                Console.WriteLine(EndToEndReport.Line(rows, megabytes, results, parquetBytes, server));
                ratios.Add(results[Phases.DuckDb].Seconds / results[Phases.EndToEnd].Seconds);
                // The local server's CPU counted with ours: it ran on the same two cores (a remote one would not).
                cpuRatios.Add(results[Phases.DuckDb].CpuSeconds / (results[Phases.EndToEnd].CpuSeconds + server.CpuSeconds));
                if (results.TryGetValue(Phases.DuckDbSixColumns, out var sixColumns))
                {
                    sixColumnRatios.Add(sixColumns.Seconds / results[Phases.EndToEnd].Seconds);
                }
            }
        }

        if (ratios.Count > 1)
        {
            Console.WriteLine(EndToEndReport.SpreadLine(rows, ratios, cpuRatios, sixColumnRatios));
        }

        return 0;
    }
    finally
    {
        if (!keep)
        {
            File.Delete(csv);
            if (!Directory.EnumerateFileSystemEntries(directory).Any())
            {
                Directory.Delete(directory);
            }
        }
    }
}

static void PrintProjectLine(long rows, double megabytes, PhaseResult project, Dictionary<string, PhaseResult> results)
{
    var ratioToBare = project.Seconds / results[Phases.Bare].Seconds;
    var ratioToDuckDb = results[Phases.DuckDb].Seconds / project.Seconds;
    Console.WriteLine($"project time / bare read time = {ratioToBare:F2} (target <= 5.0); project throughput / DuckDB throughput = {ratioToDuckDb:F2} (target >= 2.0)");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"eia930 rows={rows} mb_per_s={megabytes / project.Seconds:F1} peak_mb={project.PeakMb:F0} ratio_to_bare_read={ratioToBare:F2} ratio_to_duckdb={ratioToDuckDb:F2}"));
}

static async Task<PhaseResult> RunChildAsync(string phase, string csv, string output)
{
    // The e2e phase is the product as users run it; the others keep the bench's batch settings.
    return ChildPhase.ResultOf(await ChildPhase.RunAsync(["phase", phase, csv, output], asTheCliRuns: phase == Phases.EndToEnd));
}

static async Task<int> PhaseAsync(string phase, string csv, string output)
{
    var seconds = await Phases.RunAsync(phase, csv, output);
    var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    Console.Error.WriteLine($"{phase}: allocated {GC.GetTotalAllocatedBytes() / 1e6:F0} MB, gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, gc pause {GC.GetTotalPauseDuration().TotalSeconds:F3} s; JIT compiled {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:F3} s");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seconds={seconds:F3} cpu_seconds={cpu:F3} peak_mb={ProcessStatus.PeakResidentMb():F1}"));
    return 0;
}

internal sealed record PhaseResult(double Seconds, double CpuSeconds, double PeakMb);
