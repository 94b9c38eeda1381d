using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;

namespace AiEnergyPipeline.Cli;

/// <summary><c>aienergy download NAME</c>: streams one table to a file or to standard output.</summary>
internal static class DownloadCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Dataset name, such as ba_hourly." };
        var format = new Option<string>("--format") { Description = "File format: csv, parquet (tables), json or svg (gap outputs).", DefaultValueFactory = _ => "csv" };
        var run = new Option<string?>("--run") { Description = "Run id (default: the latest run)." };
        var part = new Option<string?>("--part") { Description = "One part of a table published in parts, such as 2024_h1 or api (default: every part, under one header)." };
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: standard output)." };
        var store = new StoreOptions();
        var command = new Command("download", "Download a published dataset.");
        command.Arguments.Add(name);
        command.Options.Add(format);
        command.Options.Add(run);
        command.Options.Add(part);
        command.Options.Add(output);
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) => await CommandErrors.GuardAsync(async () =>
        {
            await using var services = CliServices.Build(store.Settings(result));
            var lookup = await services.GetRequiredService<PublishedDatasets>().OpenAsync(result.GetValue(name), result.GetValue(format), result.GetValue(run), cancellationToken, result.GetValue(part));
            if (lookup.Status != LookupStatus.Found)
            {
                Console.Error.WriteLine($"error: {lookup.Message}");
                return lookup.Status == LookupStatus.Invalid ? 2 : 1;
            }

            await using var opened = lookup.Object!;
            if (result.GetValue(output) is { } path)
            {
                await using var file = File.Create(path);
                await opened.Content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                Console.Error.WriteLine($"wrote {file.Length:N0} bytes of {lookup.FileName} (run {lookup.RunId}) to {path}");
            }
            else
            {
                await using var stdout = Console.OpenStandardOutput();
                await opened.Content.CopyToAsync(stdout, cancellationToken);
            }

            return 0;
        }, "reading the store failed"));
        return command;
    }
}
