using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.Recording;
using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;

namespace AiEnergyPipeline.Cli;

/// <summary>
/// <c>aienergy snapshot record --out DIR</c>: fetches every source from its live URLs (the settings
/// of <c>run --live</c>, from the environment) into a snapshot folder that <c>aienergy run --snapshot DIR</c>
/// replays offline, as recorded real data.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Create()
    {
        var command = new Command("snapshot", "Record the live sources into a snapshot folder, to replay offline with 'run --snapshot'.");
        command.Subcommands.Add(Record());
        return command;
    }

    private static Command Record()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write (new, or empty).", Required = true };
        var command = new Command("record", "Fetch every source from its live URLs (needs EIA_API_KEY) and write a snapshot folder with each file's URL, validators and time.");
        command.Options.Add(output);
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = CliServices.ModeSettings(SourceMode.Live);
            var folder = result.GetValue(output)!;
            return await CommandErrors.GuardAsync(async () =>
            {
                await using var services = CliServices.BuildSources(settings);
                if (CliServices.MissingApiKey(services) is { } missing)
                {
                    Console.Error.WriteLine(missing);
                    return 2;
                }

                try
                {
                    var recording = await services.GetRequiredService<SnapshotRecorder>().RecordAsync(folder.FullName, cancellationToken);
                    Console.WriteLine($"snapshot: {recording.Folder}");
                    Console.WriteLine($"  {recording.Files} files, {recording.Bytes:N0} bytes, recorded at {recording.RecordedAtUtc:O}");
                    Console.WriteLine($"replay: aienergy run --snapshot {recording.Folder}");
                    return 0;
                }
                catch (SourceException e)
                {
                    Console.Error.WriteLine($"error: {e.Message}");
                    Console.Error.WriteLine("nothing was written.");
                    return 1;
                }
            });
        });
        return command;
    }
}
