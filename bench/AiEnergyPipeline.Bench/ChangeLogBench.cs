using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using AiEnergyPipeline.Sources.Eia860m;

namespace AiEnergyPipeline.Bench;

/// <summary>
/// The memory generator_changes takes: generated vintages are fed to the change log one at a time,
/// as the normaliser does, and its rows written to a staging CSV. Reports the largest live managed
/// heap (after a full collection, sampled after each vintage and every 50,000 rows written), the
/// bytes allocated, the peak resident set, and the CSV's sha256 (equal before and after a change
/// of algorithm means the same rows in the same order).
/// </summary>
internal static class ChangeLogBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        int generators = 25_000, vintages = 23;
        var changeRate = 0.3;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--generators":
                    generators = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--vintages":
                    vintages = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--change-rate":
                    changeRate = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("usage: changes [--generators N] [--vintages N] [--change-rate R]");
                    return 2;
            }
        }

        var staging = Path.Combine(Path.GetTempPath(), "aienergy-bench-changes-" + Environment.ProcessId);
        Directory.CreateDirectory(staging);
        try
        {
            var clock = Stopwatch.StartNew();
            long maxLive = Live();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            using var log = new GeneratorChangeLog(_ => "other", staging);
            var records = 0L;
            foreach (var vintage in VintageGenerator.Vintages(generators, vintages, changeRate))
            {
                log.Add(vintage);
                records += vintage.Records.Count;
                maxLive = Math.Max(maxLive, Live());
            }

            long written = 0;
            IEnumerable<GeneratorChange> Sampled()
            {
                foreach (var row in log.Rows())
                {
                    if (++written % 50_000 == 0)
                    {
                        maxLive = Math.Max(maxLive, Live());
                    }

                    yield return row;
                }
            }

            var table = await VintageTables.WriteChangesAsync(staging, AiEnergyPipeline.Tables.OriginColumn.Fetched, Sampled(), CancellationToken.None);
            maxLive = Math.Max(maxLive, Live());
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            string sha;
            await using (var csv = File.OpenRead(table.LocalPath))
            {
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(csv));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"changes generators={generators} vintages={vintages} change_rate={changeRate} records={records} rows={table.Rows} csv_mb={table.Bytes / 1e6:F1} seconds={clock.Elapsed.TotalSeconds:F1} max_live_mb={maxLive / 1e6:F1} allocated_mb={allocated / 1e6:F0} peak_rss_mb={PeakRssMb():F0} sha256={sha}"));
            return 0;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    // The live heap: a full, compacting collection first, so that only what is still referenced counts.
    private static long Live() => GC.GetTotalMemory(forceFullCollection: true);

    private static double PeakRssMb()
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
}
