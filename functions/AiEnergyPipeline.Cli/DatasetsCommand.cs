using System.CommandLine;
using AiEnergyPipeline.Datasets;
using Microsoft.Extensions.DependencyInjection;

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
            var (latest, _) = await services.GetRequiredService<PublishedDatasets>().LatestAsync(cancellationToken);
            if (latest is null)
            {
                Console.Error.WriteLine("Nothing has been published yet: run 'aienergy run' first.");
                return 1;
            }

            Console.WriteLine($"run: {latest.RunId} (published {latest.PublishedAt:u})");
            foreach (var table in latest.Tables)
            {
                Console.WriteLine(table.Format is "csv" or "parquet" ? $"  {table.Name,-30} {table.Rows,12:N0} rows  {table.Path}" : $"  {table.Name,-30} {table.Format,12}       {table.Path}");
            }

            return 0;
        }));
        return command;
    }
}
