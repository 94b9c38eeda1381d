using System.CommandLine;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.Cli;

/// <summary><c>aienergy run [--live]</c>: one run of the pipeline, then a summary on standard output.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var live = new Option<bool>("--live") { Description = "Fetch from the sources' public URLs (needs EIA_API_KEY) instead of the bundled snapshot." };
        var store = new StoreOptions();
        var command = new Command("run", "Fetch every source, normalise, and publish a run with its latest.json pointer.");
        command.Options.Add(live);
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = store.Settings(result);
            foreach (var (key, value) in CliServices.ModeSettings(result.GetValue(live) ? SourceMode.Live : SourceMode.Snapshot))
            {
                settings[key] = value;
            }

            return await CommandErrors.GuardAsync(async () =>
            {
                await using var services = CliServices.Build(settings);
                var outcome = await services.GetRequiredService<IngestPipeline>().RunAsync("cli", cancellationToken);
                Print(outcome);
                return outcome.Succeeded ? 0 : 1;
            });
        });
        return command;
    }

    private static void Print(RunOutcome outcome)
    {
        if (outcome.Status == RunStatus.Failed)
        {
            Console.Error.WriteLine($"error: {outcome.Message}");
            Console.Error.WriteLine($"report: {outcome.Store}/{RunPublisher.ReportPath(outcome.RunId)}");
            return;
        }

        if (outcome.Status == RunStatus.Unchanged)
        {
            Console.WriteLine(outcome.Message);
            WritePartitions(outcome);
            Console.WriteLine($"store: {outcome.Store}");
            return;
        }

        Console.WriteLine($"run: {outcome.RunId}");
        foreach (var table in outcome.Report.Tables)
        {
            Console.WriteLine(table.Format == "csv" ? $"  {table.Name,-30} {table.Rows,12:N0} rows{(table.Parts is { } parts ? $" in {parts} parts" : "")}" : $"  {table.Name,-30} {table.Format,12}");
        }

        WritePartitions(outcome);

        Console.WriteLine($"store: {outcome.Store}");
        Console.WriteLine($"data package: {outcome.Store}/{RunPublisher.DataPackagePath(outcome.RunId)}");
        Console.WriteLine(outcome.LatestRunId == outcome.RunId
            ? $"latest.json -> {outcome.RunId}"
            : $"latest.json stays on the newer run {outcome.LatestRunId}");
    }

    /// <summary>How the partitions ended: "partitions: 21 reused, 1 normalised".</summary>
    private static void WritePartitions(RunOutcome outcome)
    {
        if (outcome.Report.Partitions is { Count: > 0 } partitions)
        {
            Console.WriteLine($"partitions: {string.Join(", ", partitions.GroupBy(p => p.Status).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))}");
        }
    }
}
