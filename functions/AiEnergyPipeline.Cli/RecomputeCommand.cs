using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources.Eia860m;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;

namespace AiEnergyPipeline.Cli;

/// <summary>
/// <c>aienergy recompute [--assumptions FILE]</c>: the latest run's gap again with the overrides in
/// FILE (the body of POST /api/recompute), without fetching. Invalid overrides print every error,
/// one a line, on standard error and exit 2 with nothing published.
/// </summary>
internal static class RecomputeCommand
{
    public static Command Create()
    {
        var assumptions = new Option<FileInfo?>("--assumptions") { Description = "JSON file of overrides, the body of POST /api/recompute (default: none, the published values)." };
        var store = new StoreOptions();
        var telemetry = new TelemetryOption();
        var command = new Command("recompute", "Recompute the latest run's gap with other assumptions or scenarios, and publish it as a new run.");
        command.Options.Add(assumptions);
        store.AddTo(command);
        telemetry.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = store.Settings(result);
            var file = result.GetValue(assumptions);
            if (file is not null && !file.Exists)
            {
                // A folder (or nothing) where the file was meant: said as such, not as "access denied".
                Console.Error.WriteLine($"error: --assumptions: {file.FullName} is {(Directory.Exists(file.FullName) ? "a folder, not a file" : "not there")}.");
                return 2;
            }

            return await CommandErrors.GuardAsync(async () =>
            {
                telemetry.Apply(result, settings);
                await using var services = CliServices.Build(settings);
                await using var body = file?.OpenRead();
                var recomputed = await services.GetRequiredService<RecomputeEntry>().RunAsync(body, "cli", cancellationToken);
                if (recomputed.IsNothingPublished)
                {
                    Console.Error.WriteLine($"error: nothing has been published yet: run 'aienergy run' first{store.SameStoreHint(result)}.");
                    return 1;
                }

                if (!recomputed.Ran)
                {
                    foreach (var (field, messages) in recomputed.Errors.OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        foreach (var message in messages)
                        {
                            Console.Error.WriteLine($"{field}: {message}");
                        }
                    }

                    return 2;
                }

                var outcome = recomputed.Outcome;
                if (outcome.Status == RunStatus.Failed)
                {
                    Console.Error.WriteLine($"error: {outcome.Message}");
                    return 1;
                }

                Console.WriteLine(outcome.Status == RunStatus.Unchanged ? outcome.Message : $"run: {outcome.RunId} (derived from {outcome.DerivedFrom})");
                GapHeadlines.Write(await GapHeadlines.ReadAsync(services, outcome.RunId, cancellationToken));

                Console.WriteLine($"store: {outcome.Store}");
                if (outcome.Status != RunStatus.Unchanged)
                {
                    Console.WriteLine($"page: {RunCommand.PageAddress(outcome.Store, outcome.RunId)}");
                }

                SampleWarning.WriteIfSample(outcome.Report);
                return 0;
            });
        });
        return command;
    }
}
