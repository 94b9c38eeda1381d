using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;

namespace AiEnergyPipeline.Cli;

/// <summary><c>aienergy datasets</c>: the tables of the latest run.</summary>
internal static class DatasetsCommand
{
    public static Command Create()
    {
        var store = new StoreOptions();
        var command = new Command("datasets", "List the tables of the latest published run.");
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) => await CommandErrors.GuardAsync(async () =>
        {
            await using var services = CliServices.Build(store.Settings(result));
            if (store.ReportsNoStoreFolder(result))
            {
                return 1;
            }

            var (latest, _, problem) = await services.GetRequiredService<PublishedDatasets>().LatestAsync(cancellationToken);
            if (problem is not null)
            {
                Console.Error.WriteLine($"error: {PublishedDatasets.Unavailable(problem)}");
                return 1;
            }

            if (latest is null)
            {
                Console.Error.WriteLine($"Nothing has been published yet: run 'aienergy run' first{store.SameStoreHint(result)}.");
                return 1;
            }

            Console.WriteLine($"run: {latest.RunId} (published {latest.PublishedAt:u})");
            foreach (var group in latest.Tables.GroupBy(t => (t.Name, t.Format)))
            {
                var table = group.First();
                // A table in parts shows its rows in all and its folder with the format (CSV and Parquet parts share the folder);
                // `download NAME --part P` fetches one part.
                var path = group.Count() > 1 || table.Part is not null ? table.Path[..(table.Path.LastIndexOf('/') + 1)] + $"*.{table.Format} ({group.Count()} parts: {string.Join(", ", group.Select(t => t.Part))})" : table.Path;
                Console.WriteLine(table.Format is "csv" or "parquet" ? $"  {table.Name,-30} {group.Sum(t => t.Rows),12:N0} rows  {path}" : $"  {table.Name,-30} {table.Format,12}       {path}");
            }

            Console.WriteLine($"page: {RunCommand.PageAddress(services.GetRequiredService<IDatasetStore>().Description, latest.RunId)}");
            if (latest.Sample)
            {
                Console.WriteLine(SampleWarning.Text);
            }

            return 0;
        }, "reading the store failed"));
        return command;
    }
}
