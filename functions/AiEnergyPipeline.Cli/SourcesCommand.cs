using System.CommandLine;
using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace AiEnergyPipeline.Cli;

/// <summary>
/// <c>aienergy sources [--live]</c>: each source, the setting that holds its URL and the URL in
/// effect (secrets masked). Same mode as <c>run</c>: the snapshot's settings by default, so that
/// the list shows what a plain <c>aienergy run</c> would use; <c>--live</c> for a live run's.
/// </summary>
internal static class SourcesCommand
{
    public static Command Create()
    {
        var live = new Option<bool>("--live") { Description = "Show the settings of a live run (aienergy run --live) instead of an offline one." };
        var command = new Command("sources", "List each source, the setting that holds its URL and the URL in effect (secrets masked).");
        command.Options.Add(live);
        command.SetAction(async (result, cancellationToken) => await CommandErrors.GuardAsync(async () =>
        {
            var mode = result.GetValue(live) ? SourceMode.Live : SourceMode.Snapshot;
            await using var services = CliServices.BuildSources(CliServices.ModeSettings(mode));
            Console.WriteLine(mode == SourceMode.Live
                ? "mode: live (requests go to these URLs)"
                : "mode: snapshot (requests to these URLs are answered from the bundled snapshot; --live for a live run's)");
            foreach (var source in services.GetServices<ISource>())
            {
                foreach (var endpoint in source.Endpoints)
                {
                    Console.WriteLine($"{source.Name,-12} {endpoint.Setting,-32} {endpoint.Value}");
                }
            }

            return 0;
        }));
        return command;
    }
}
