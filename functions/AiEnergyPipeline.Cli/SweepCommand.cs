using AiEnergyPipeline.Pipeline.Sweep;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;

namespace AiEnergyPipeline.Cli;

/// <summary>
/// <c>aienergy sweep [--dry-run]</c>: removes what crashed runs left in the store and the work
/// folder, and the complete runs past retention; prints one line per item removed (or, with
/// --dry-run, that would be) with the reason, and where the report is.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List what would be removed; remove nothing and write no report." };
        var store = new StoreOptions();
        var command = new Command("sweep", "Remove half runs, temporary files, old work folders and plans, and complete runs past retention (Sweep__* settings).");
        command.Options.Add(dryRun);
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = store.Settings(result);
            var dry = result.GetValue(dryRun);
            return await CommandErrors.GuardAsync(async () =>
            {
                await using var services = CliServices.Build(settings);
                if (store.ReportsNoStoreFolder(result))
                {
                    return 1;
                }

                var report = await services.GetRequiredService<StoreSweeper>().SweepAsync("cli", dry, cancellationToken);
                var verb = dry ? "would remove" : "removed";
                foreach (var item in report.Removed)
                {
                    Console.WriteLine($"{verb} {item.Path}: {item.Reason} ({item.Objects} objects, {item.Bytes} bytes)");
                }

                foreach (var error in report.Errors)
                {
                    Console.Error.WriteLine($"warning: {error}");
                }

                Console.WriteLine($"sweep {report.SweepId}: {verb} {report.Removed.Count} item(s), {report.BytesRemoved} bytes; kept {report.KeptRuns.Count} complete run(s)");
                Console.WriteLine(dry ? "dry run: nothing was removed and no report was written" : $"report: {StoreSweeper.ReportPath(report.SweepId)}");
                Console.WriteLine($"store: {report.Store}");
                return report.Errors.Count == 0 ? 0 : 1;
            }, "sweep failed");
        });
        return command;
    }
}
