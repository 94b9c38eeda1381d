using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Tables;
using Microsoft.Extensions.Logging;
using System.Diagnostics;
using System.Text;

namespace AiEnergyPipeline.Pipeline;

/// <summary>How a run ends on paper: its report, a failure's report and outcome, and the hash of its inputs.</summary>
public sealed partial class IngestPipeline
{
    private async Task<RunOutcome> FailAsync(string runId, string trigger, DateTimeOffset startedAt, Stopwatch clock, Dictionary<string, SourceReport> reports, IReadOnlyList<TableReport> tables, long quarantined, string error, IReadOnlyList<PartitionReport> partitions, Dictionary<string, IReadOnlyList<FetchedFile>>? files, CancellationToken cancellationToken)
    {
        var message = $"Run {runId} failed, nothing new was published and latest.json is unchanged: {error}";
        var report = Report(runId, RunStatus.Failed, trigger, startedAt, clock, message, reports, tables, quarantined, partitions, files);
        try
        {
            await publisher.WriteReportAsync(report, cancellationToken);
        }
        catch (Exception e) when (StorageFailures.IsStorageFailure(e))
        {
            // The store that failed the run may refuse its report too: the outcome still says why.
            LogReportNotWritten(runId, redactor.Redact(StorageFailures.Describe(e)));
        }

        LogFailed(runId, error);
        return new RunOutcome(RunStatus.Failed, runId, await publisher.LatestRunIdOrNullAsync(cancellationToken), store.Description, message, report);
    }

    private RunReport Report(string runId, RunStatus status, string trigger, DateTimeOffset startedAt, Stopwatch clock, string message, Dictionary<string, SourceReport> reports, IReadOnlyList<TableReport> tables, long quarantined, IReadOnlyList<PartitionReport> partitions, Dictionary<string, IReadOnlyList<FetchedFile>>? files)
    {
        // The inputs say what the run was made of; a run that failed before reading any says what its configuration promised.
        var inputs = files?.Values.SelectMany(f => f).ToList() ?? [];
        var mode = inputs.Count > 0 ? RunMode.Of(inputs) : configuredMode.Mode;
        // The run began when it was planned; its partitions may have been processed elsewhere since.
        var elapsed = time.GetUtcNow() - startedAt;
        if (elapsed < clock.Elapsed)
        {
            elapsed = clock.Elapsed;
        }

        return new(runId, status, trigger, startedAt, startedAt + elapsed, (long)elapsed.TotalMilliseconds, message, reports.Values.ToList(), tables, quarantined, partitions.Count > 0 ? partitions : null, mode);
    }

    private Dictionary<string, SourceReport> WithCounts(Dictionary<string, SourceReport> reports, NormaliseContext context) =>
        reports.ToDictionary(p => p.Key, p => context.Counts.TryGetValue(p.Key, out var c)
            ? WithFailures(p.Value with { RowsIn = c.RowsIn, RowsOut = c.RowsOut, RowsSuperseded = c.RowsSuperseded, RowsQuarantined = context.Quarantine.CountOf(p.Key), Notes = c.Notes.Count > 0 ? c.Notes : null }, c.Failures)
            : p.Value with { RowsQuarantined = context.Quarantine.CountOf(p.Key) });

    /// <summary>A source that went without files it could not read, beside those it could not download, is partial.</summary>
    private SourceReport WithFailures(SourceReport report, IReadOnlyList<FileFailure> readFailures)
    {
        if (readFailures.Count == 0)
        {
            return report;
        }

        var all = (report.FailedFiles ?? []).Concat(readFailures.Select(f => f with { Error = redactor.Redact(f.Error) })).ToList();
        return report with { Status = report.Status == SourceStatus.Succeeded ? SourceStatus.Partial : report.Status, FailedFiles = all };
    }

    /// <summary>" Partial: queues without PJM, SPP (see report.json)." after a published run's message, or nothing.</summary>
    private static string PartialNote(Dictionary<string, SourceReport> reports)
    {
        var partial = reports.Values.Where(r => r.Status == SourceStatus.Partial).ToList();
        return partial.Count == 0 ? ""
            : $" Partial: {string.Join("; ", partial.Select(r => $"{r.Name} without {string.Join(", ", (r.FailedFiles ?? []).Select(f => f.Missing).Distinct(StringComparer.Ordinal))}"))} (failed_files in report.json says why).";
    }

    /// <summary>
    /// What the run's outputs depend on: every input file's bytes (each partition's sha256 among them), in order, the model version,
    /// and the files that failed (a run without an ISO's file is not the run with it, nor one that never listed it).
    /// </summary>
    private static string InputsHash(Dictionary<string, IReadOnlyList<FetchedFile>> files, Dictionary<string, IReadOnlyList<FileFailure>>? failures = null)
    {
        var text = new StringBuilder(ModelVersion).Append('\n');
        foreach (var (source, list) in files.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var file in list)
            {
                text.Append(source).Append('\t').Append(file.FileName).Append('\t').Append(file.Sha256).Append('\n');
            }
        }

        foreach (var (source, list) in (failures ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var failure in list)
            {
                text.Append(source).Append("\tfailed\t").Append(failure.Setting).Append('\t').Append(failure.FileName).Append('\n');
            }
        }

        return Hashing.Sha256OfText(text.ToString());
    }

    private static void TryDelete(string directory) => WorkFolders.TryDelete(directory);
}
