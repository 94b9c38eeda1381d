using System.Diagnostics;
using System.Globalization;

namespace AiEnergyPipeline.Bench;

/// <summary>
/// Runs this program again with the hidden "phase" command (or another), so that each phase's peak
/// working set is its own, and reads the <c>name=value</c> figures it prints.
/// </summary>
internal static class ChildPhase
{
    /// <param name="arguments">The arguments after the program: "phase", the phase and its own.</param>
    /// <param name="asTheCliRuns">
    /// The runtime's defaults (tiered compilation, the concurrent collector), which the Functions app
    /// and the CLI keep, with the product's own settings that this program's runtimeconfig.json
    /// carries too (functions/ProductRuntime.props); otherwise the bench's batch settings.
    /// </param>
    /// <exception cref="InvalidOperationException">The child exited with a non-zero code.</exception>
    public static async Task<IReadOnlyDictionary<string, double>> RunAsync(IReadOnlyList<string> arguments, bool asTheCliRuns)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildPhase).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (asTheCliRuns)
        {
            start.Environment["DOTNET_TieredCompilation"] = "1";
            start.Environment["DOTNET_gcConcurrent"] = "1";
        }

        using var child = Process.Start(start)!;
        var text = await child.StandardOutput.ReadToEndAsync();
        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', arguments)} failed with exit code {child.ExitCode}");
        }

        return text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The time, CPU time and peak of a phase, as every phase prints them.</summary>
    public static PhaseResult ResultOf(IReadOnlyDictionary<string, double> values) =>
        new(values["seconds"], values["cpu_seconds"], values["peak_mb"]);
}
