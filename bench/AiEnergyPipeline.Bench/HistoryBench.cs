using System.Diagnostics;
using System.Globalization;

namespace AiEnergyPipeline.Bench;

/// <summary>
/// The whole EIA-930 history on one instance: a generated BALANCE file of real size (default
/// 450,000 rows, about 77 MB: the real half-years are 50-100 MB) served under each of the last
/// <c>--partitions</c> half-year names (default 22) by a local Kestrel server, and the product's
/// partition step run for each in turn in one child process, as one Functions instance (queue
/// batch size 1) or the CLI's in-process fan-out drains them. Prints each partition's time, the
/// total and the peak. The same bytes under every name: after the first, the raw archive already
/// holds them, so a partition is downloaded and hashed but not moved into the archive again.
/// </summary>
internal static class HistoryBench
{
    public const string Phase = "history";

    public static async Task<int> RunAsync(string[] args)
    {
        long rows = 450_000;
        var partitions = 22;
        var directory = Path.Combine(Path.GetTempPath(), "aienergy-history-" + Environment.ProcessId);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--rows":
                    rows = long.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--partitions":
                    partitions = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--dir":
                    directory = args[i + 1];
                    break;
                default:
                    Console.Error.WriteLine("usage: history [--rows N] [--partitions K] [--dir DIRECTORY]");
                    return 2;
            }
        }

        Directory.CreateDirectory(directory);
        var csv = Path.Combine(directory, $"EIA930_BALANCE_history_{rows}.csv");
        var output = Path.Combine(directory, Phase);
        try
        {
            BalanceFileGenerator.Write(csv, rows);
            var megabytes = new FileInfo(csv).Length / 1e6;
            Console.WriteLine($"generated {rows:N0} rows, {megabytes:F1} MB; {partitions} partitions of it");
            await using var server = await BalanceFileServer.StartAsync(csv, servedName: null);
            var values = await ChildPhase.RunAsync(["phase", Phase + ":" + partitions.ToString(CultureInfo.InvariantCulture), server.Folder.AbsoluteUri, output], asTheCliRuns: true);
            var seconds = values["seconds"];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"eia930_history partitions={partitions} rows_each={rows} mb_each={megabytes:F1} seconds={seconds:F1} seconds_per_partition={seconds / partitions:F2} peak_mb={values["peak_mb"]:F0} cpu_seconds={values["cpu_seconds"]:F1} requests={server.Requests}"));
            return 0;
        }
        finally
        {
            File.Delete(csv);
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
