using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Pipeline;
using AiEnergyPipeline.Pipeline.FanOut;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Vocabulary;
using System.CommandLine;

namespace AiEnergyPipeline.Cli;

/// <summary>
/// <c>aienergy run [--live | --snapshot DIR]</c>: one run of the pipeline, then a summary on standard
/// output: the run id, each table, each scenario's gap headline, where it wrote, and last, for a run
/// made from sample files, the warning that its numbers are not real.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var live = new Option<bool>("--live") { Description = "Fetch from the sources' public URLs (needs EIA_API_KEY) instead of the bundled snapshot." };
        var snapshot = new Option<DirectoryInfo?>("--snapshot") { Description = "Replay a snapshot recorded with 'aienergy snapshot record' (real data, offline) instead of the bundled sample." };
        var store = new StoreOptions();
        var telemetry = new TelemetryOption();
        var command = new Command("run", "Fetch every source, normalise, and publish a run with its latest.json pointer (default: the bundled SAMPLE snapshot, invented data).");
        command.Options.Add(live);
        command.Options.Add(snapshot);
        store.AddTo(command);
        telemetry.AddTo(command);
        command.Validators.Add(r =>
        {
            if (r.GetValue(live) && r.GetValue(snapshot) is not null)
            {
                r.AddError("--live and --snapshot exclude each other: fetch live, or replay a recording.");
            }
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = store.Settings(result);
            foreach (var (key, value) in CliServices.ModeSettings(result.GetValue(live) ? SourceMode.Live : SourceMode.Snapshot))
            {
                settings[key] = value;
            }

            if (result.GetValue(snapshot) is { } folder)
            {
                settings[$"{PipelineOptions.Section}:{nameof(PipelineOptions.SnapshotPath)}"] = folder.FullName;
            }

            return await CommandErrors.GuardAsync(async () =>
            {
                telemetry.Apply(result, settings);
                await using var services = CliServices.Build(settings);
                if (result.GetValue(live) && CliServices.MissingApiKey(services) is { } missing)
                {
                    Console.Error.WriteLine(missing);
                    return 2;
                }

                // The same plan, partitions and completion as the queue fan-out on Azure, all in this process.
                var outcome = await new InProcessFanOut(services).RunAsync("cli", cancellationToken);
                await PrintAsync(services, outcome, cancellationToken);
                return outcome.Succeeded ? 0 : 1;
            });
        });
        return command;
    }

    private static async Task PrintAsync(IServiceProvider services, RunOutcome outcome, CancellationToken cancellationToken)
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
            // The run whose inputs these are is the latest: its headline is still the news.
            await GapHeadlines.WriteOfPublishedRunAsync(services, outcome.RunId, cancellationToken);
            WritePartitions(outcome);
            Console.WriteLine($"store: {outcome.Store}");
            SampleWarning.WriteIfSample(outcome.Report);
            return;
        }

        Console.WriteLine($"run: {outcome.RunId}");
        // One line per table: its CSV rows (summed over parts) and every format it is published in (csv, parquet).
        foreach (var files in outcome.Report.Tables.GroupBy(t => t.Name))
        {
            var formats = string.Join(", ", files.Select(t => t.Format).Distinct());
            var csv = files.Where(t => t.Format == "csv").ToList();
            var parts = csv.Select(t => t.Parts).FirstOrDefault(p => p is not null);
            Console.WriteLine(csv.Count > 0 ? $"  {files.Key,-30} {csv.Sum(t => t.Rows),12:N0} rows{(parts is { } n ? $" in {n} parts" : "")}  {formats}" : $"  {files.Key,-30} {formats,12}");
        }

        // What the run found: each scenario's gap, as its gap/headline.json says it.
        await GapHeadlines.WriteOfPublishedRunAsync(services, outcome.RunId, cancellationToken);

        WritePartitions(outcome);
        WriteFailedFiles(outcome);

        Console.WriteLine($"store: {outcome.Store}");
        Console.WriteLine($"data package: {outcome.Store}/{RunPublisher.DataPackagePath(outcome.RunId)}");
        Console.WriteLine($"page: {PageAddress(outcome.Store, outcome.RunId)}");
        Console.WriteLine(outcome.LatestRunId == outcome.RunId
            ? $"latest.json -> {outcome.RunId}"
            : $"latest.json stays on the newer run {outcome.LatestRunId}");
        SampleWarning.WriteIfSample(outcome.Report);
    }

    /// <summary>A published run that went without some files (one ISO's queue): one warning each, on standard error, so that a script sees it.</summary>
    private static void WriteFailedFiles(RunOutcome outcome)
    {
        foreach (var source in outcome.Report.Sources.Where(s => s.Status == SourceStatus.Partial))
        {
            foreach (var failure in source.FailedFiles ?? [])
            {
                Console.Error.WriteLine($"warning: {source.Name}: {failure.Missing} missing from this run ({failure.Setting}): {failure.Error}");
            }
        }
    }

    /// <summary>Where to open the run's page: a file:// URL for a folder store (a browser opens it as it is), the blob's URL otherwise.</summary>
    internal static string PageAddress(string store, string runId) =>
        Path.IsPathFullyQualified(store)
            ? new Uri(Path.Combine(store, RunPublisher.PagePath(runId))).AbsoluteUri
            : $"{store.TrimEnd('/')}/{RunPublisher.PagePath(runId)}";

    /// <summary>How the partitions ended: "partitions: 21 reused, 1 normalised".</summary>
    private static void WritePartitions(RunOutcome outcome)
    {
        if (outcome.Report.Partitions is { Count: > 0 } partitions)
        {
            Console.WriteLine($"partitions: {string.Join(", ", partitions.GroupBy(p => p.Status).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))}");
        }
    }
}
