using AiEnergyPipeline.Datasets;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;
using Microsoft.Extensions.DependencyInjection;
using System.CommandLine;

namespace AiEnergyPipeline.Cli;

/// <summary>
/// <c>aienergy verify</c>: reads back every file of a run, and the input files it archived, and says
/// of each whether its bytes are those its datapackage.json lists.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var run = new Option<string?>("--run") { Description = "Run id (default: the latest run)." };
        var noInputs = new Option<bool>("--no-inputs") { Description = "Check only the run's own files, not the input files it archived under raw/." };
        var store = new StoreOptions();
        var command = new Command("verify", "Check a run's files, and the inputs it archived, against the sha256 its datapackage.json lists.");
        command.Options.Add(run);
        command.Options.Add(noInputs);
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) => await CommandErrors.GuardAsync(async () =>
        {
            var runId = result.GetValue(run);
            if (runId is not null && !RunId.IsValid(runId))
            {
                Console.Error.WriteLine("error: --run: a run id looks like 20261127T060000Z-ab12cd.");
                return 2;
            }

            await using var services = CliServices.Build(store.Settings(result));
            if (store.ReportsNoStoreFolder(result))
            {
                return 1;
            }

            var datasetStore = services.GetRequiredService<IDatasetStore>();
            if (runId is null)
            {
                // The run latest.json names even when that run is damaged: finding what is wrong with it is the point.
                var read = await services.GetRequiredService<RunPublisher>().ReadLatestAsync(cancellationToken);
                if (read.Pointer is null)
                {
                    Console.Error.WriteLine(read.Problem is null ? $"Nothing has been published yet: run 'aienergy run' first{store.SameStoreHint(result)}." : $"error: {read.Problem} Name a run with --run.");
                    return 1;
                }

                runId = read.Pointer.RunId;
            }

            DataPackage package;
            try
            {
                package = await PublishedRun.ReadPackageAsync(datasetStore, runId, cancellationToken);
            }
            catch (DamagedRunException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }

            var (checkedFiles, problems) = (0, 0);
            await foreach (var check in RunVerification.CheckAsync(datasetStore, package, !result.GetValue(noInputs), cancellationToken))
            {
                checkedFiles++;
                problems += check.Status == FileCheckStatus.Ok ? 0 : 1;
                var status = check.Status.ToString().ToLowerInvariant();
                Console.WriteLine(check.Status == FileCheckStatus.Ok
                    ? $"{status,-8} {check.Path} ({check.Bytes:N0} bytes)"
                    : $"{status,-8} {check.Path}: {check.Detail}");
            }

            Console.WriteLine(problems == 0
                ? $"run {runId}: {checkedFiles} files checked, every one as datapackage.json lists."
                : $"run {runId}: {problems} of {checkedFiles} files checked are not as datapackage.json lists.");
            if (package.Sample)
            {
                Console.WriteLine(SampleWarning.Text);
            }

            return problems == 0 ? 0 : 1;
        }, "reading the store failed"));
        return command;
    }
}
