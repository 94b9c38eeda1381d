using System.Diagnostics;
using System.Globalization;

namespace AiEnergyPipeline.Bench;

/// <summary>This process's memory as the kernel counts it.</summary>
internal static class ProcessStatus
{
    /// <summary>VmHWM: the peak resident set of this process, native memory (DuckDB's) included.</summary>
    public static double PeakResidentMb()
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
