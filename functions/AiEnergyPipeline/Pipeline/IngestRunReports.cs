using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Sources;

namespace AiEnergyPipeline.Pipeline;

/// <summary>
/// The report of an ingest run, whichever step ends it (its completion, or the fan-out when a
/// partition failed): timed from its plan, and of the mode its inputs were in (sample, recorded,
/// live), or, for a run that failed before reading any, the mode its configuration promised.
/// </summary>
public sealed class IngestRunReports(ConfiguredRunMode configuredMode, TimeProvider time)
{
    /// <summary>The run's clock: it began when it was planned, wherever that was.</summary>
    public RunClock ClockOf(IngestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new RunClock(plan.CreatedAtUtc, time);
    }

    /// <param name="partitions">The partitions' reports; left out of the report when there are none.</param>
    /// <param name="files">The run's inputs by source; null when it read none.</param>
    public RunReport Create(IngestPlan plan, RunClock clock, string runId, RunStatus status, string message, IEnumerable<SourceReport> sources, IReadOnlyList<TableReport> tables,
        long quarantined, IReadOnlyList<PartitionReport> partitions, IReadOnlyDictionary<string, IReadOnlyList<FetchedFile>>? files)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(partitions);
        var inputs = files?.Values.SelectMany(f => f).ToList() ?? [];
        var mode = inputs.Count > 0 ? RunMode.Of(inputs) : configuredMode.Mode;
        var elapsed = clock.Elapsed;
        return new RunReport(runId, status, plan.Trigger, clock.StartedAt, clock.StartedAt + elapsed, (long)elapsed.TotalMilliseconds, message, sources.ToList(), tables, quarantined,
            partitions.Count > 0 ? partitions : null, mode, CodeVersion.Current);
    }

    /// <summary>
    /// Each source's report with the rows its normaliser read, wrote, superseded and quarantined,
    /// and the files it could not read alone, beside those it could not download (then partial).
    /// </summary>
    public static Dictionary<string, SourceReport> WithCounts(IReadOnlyDictionary<string, SourceReport> reports, NormaliseContext context, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(redactor);
        return reports.ToDictionary(p => p.Key, p => context.Counts.TryGetValue(p.Key, out var c)
            ? WithFailures(p.Value with { RowsIn = c.RowsIn, RowsOut = c.RowsOut, RowsSuperseded = c.RowsSuperseded, RowsQuarantined = context.Quarantine.CountOf(p.Key), Notes = c.Notes.Count > 0 ? c.Notes : null }, c.Failures, redactor)
            : p.Value with { RowsQuarantined = context.Quarantine.CountOf(p.Key) });
    }

    /// <summary>" Partial: queues without PJM, SPP (...)." after a published run's message, or nothing.</summary>
    public static string PartialNote(IReadOnlyDictionary<string, SourceReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var partial = reports.Values.Where(r => r.Status == SourceStatus.Partial).ToList();
        return partial.Count == 0 ? ""
            : $" Partial: {string.Join("; ", partial.Select(r => $"{r.Name} without {string.Join(", ", (r.FailedFiles ?? []).Select(f => f.Missing).Distinct(StringComparer.Ordinal))}"))} (failed_files in report.json says why).";
    }

    private static SourceReport WithFailures(SourceReport report, IReadOnlyList<FileFailure> readFailures, SecretRedactor redactor)
    {
        if (readFailures.Count == 0)
        {
            return report;
        }

        var all = (report.FailedFiles ?? []).Concat(readFailures.Select(f => f with { Error = redactor.Redact(f.Error) })).ToList();
        return report with { Status = report.Status == SourceStatus.Succeeded ? SourceStatus.Partial : report.Status, FailedFiles = all };
    }
}
