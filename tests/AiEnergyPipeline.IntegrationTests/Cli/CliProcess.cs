using System.Diagnostics;
using AiEnergyPipeline.IntegrationTests.Infrastructure;

namespace AiEnergyPipeline.IntegrationTests.Cli;

/// <summary>Runs the real `aienergy` program (built beside the tests) as a user would, in its own process.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>
    /// The program in its own build folder (same configuration as the tests), with its own
    /// dependencies and bundled snapshot beside it, as `dotnet run` would start it.
    /// </summary>
    private static string Program { get; } = Path.Combine(
        TestPaths.RepositoryRoot, "functions", "AiEnergyPipeline.Cli", "bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "aienergy.dll");

    public static async Task<Result> RunAsync(string workingDirectory, IDictionary<string, string?>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The test process's own settings must not leak into the program's.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("EIA_", StringComparison.Ordinal) || k.StartsWith("Sources__", StringComparison.Ordinal) || k.StartsWith("Pipeline__", StringComparison.Ordinal) || k.StartsWith("PublishedStorage__", StringComparison.Ordinal)
            || k.StartsWith("Telemetry__", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal) || k.StartsWith("APPLICATIONINSIGHTS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
