using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Fetch;
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
        // No fixed default: a table's first format is csv, and headline or gap have only json or svg (as over HTTP).
        var format = new Option<string?>("--format") { Description = "File format: csv, parquet (tables), json or svg (gap outputs) (default: csv for a table, a gap output's only format)." };
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
            if (store.ReportsNoStoreFolder(result))
            {
                return 1;
            }

            var lookup = await services.GetRequiredService<PublishedDatasets>().OpenAsync(result.GetValue(name), result.GetValue(format), result.GetValue(run), cancellationToken, result.GetValue(part));
            if (lookup.Status != LookupStatus.Found)
            {
                // The lookup names the field; each front end names its own form of it (HTTP: the part query, here --part).
                Console.Error.WriteLine($"error: {lookup.Message}{(lookup.Field == "part" ? " Give one with --part." : "")}");
                return lookup.Status == LookupStatus.Invalid ? 2 : 1;
            }

            await using var opened = lookup.Object!;
            try
            {
                if (result.GetValue(output) is { } path)
                {
                    Console.Error.WriteLine($"wrote {await WriteCheckedAsync(opened.Content, path, cancellationToken):N0} bytes of {lookup.FileName} (run {lookup.RunId}) to {path}, checked against its sha256");
                }
                else
                {
                    await using var stdout = Console.OpenStandardOutput();
                    await opened.Content.CopyToAsync(stdout, cancellationToken);
                }
            }
            catch (DamagedFileException e)
            {
                // Standard output has had the bytes by now: the exit code and this line are what says they are not to be used.
                Console.Error.WriteLine($"error: {e.Message}{(result.GetValue(output) is { } kept ? $" Nothing was written to {kept}." : " What went to standard output is not the published file.")}");
                return 1;
            }

            // The file itself cannot say it is a sample: standard error does, as every command's output of a sample run does.
            if (lookup.Mode == RunMode.Sample)
            {
                Console.Error.WriteLine(SampleWarning.Text);
            }

            return 0;
        }, "reading the store failed"));
        return command;
    }

    /// <summary>
    /// Writes beside <paramref name="path"/> and moves the file there only once the whole content was read
    /// and its sha256 checked, so that a damaged or interrupted download never takes the name (nor replaces
    /// a file already there).
    /// </summary>
    private static async Task<long> WriteCheckedAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        // A folder that is not there yet is made, as a user asking for -o out/g.csv expects.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var partial = $"{path}.{Environment.ProcessId}.part";
        try
        {
            long bytes;
            await using (var file = File.Create(partial))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                bytes = file.Length;
            }

            File.Move(partial, path, overwrite: true);
            return bytes;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
