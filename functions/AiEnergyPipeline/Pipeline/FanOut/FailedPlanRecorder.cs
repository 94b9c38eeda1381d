using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Tables;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline.FanOut;

/// <summary>
/// Ends a fanned-out plan that cannot publish with a failed run's report: each failed partition and
/// its cause (or the completion's own cause), and every partition as its marker left it. latest.json
/// is left alone.
/// </summary>
public sealed class FailedPlanRecorder(IEnumerable<ISource> sources, IngestRunReports runReports, FailedRunRecorder failures)
{
    /// <param name="failed">The partitions that failed (empty when the completion itself failed).</param>
    /// <param name="cause">The completion's failure, or null to name the failed partitions.</param>
    /// <param name="done">The plan's markers, by partition.</param>
    public Task<RunOutcome> RecordAsync(IngestPlan plan, IReadOnlyList<PartitionOutcome> failed, string? cause, IReadOnlyDictionary<PartitionKey, PartitionOutcome> done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var runId = RunId.Create(plan.CreatedAtUtc, Hashing.Sha256OfText("fan-out failure\n" + plan.PlanId));
        var error = cause ?? string.Join("; ", failed.Select(f => $"partition {f.Partition} failed: {f.Error}"));
        var sourceReports = failed.GroupBy(f => f.Partition.Source, StringComparer.Ordinal)
            .Select(g => new SourceReport(g.Key, SourceStatus.Failed, 0, [], 0, 0, 0, 0, string.Join("; ", g.Select(f => $"partition {f.Partition.Name}: {f.Error}"))));
        // The message names the plan, whose work folder in the store holds every partition's marker.
        var message = FailedRunRecorder.Message($"Run {runId} (plan {plan.PlanId})", error);
        var report = runReports.Create(plan, runReports.ClockOf(plan), runId, RunStatus.Failed, message, sourceReports, [], 0, PartitionReportsOf(plan, done), files: null);
        return failures.RecordAsync(report, derivedFrom: null, cancellationToken);
    }

    /// <summary>
    /// Every partition of the plan as its marker left it, in plan order: which were reused,
    /// normalised or failed and why (bytes and hashes are in the partition cache).
    /// </summary>
    private List<PartitionReport> PartitionReportsOf(IngestPlan plan, IReadOnlyDictionary<PartitionKey, PartitionOutcome> done) =>
        plan.Partitions.Where(done.ContainsKey).Select(p => done[p])
            .Select(o => new PartitionReport(o.Partition.Source, o.Partition.Name, FileNameOf(o.Partition), o.Status, null, 0, 0, o.RowsOut, 0, o.Error))
            .ToList();

    private string FileNameOf(PartitionKey key) =>
        sources.OfType<IPartitionedSource>().FirstOrDefault(s => s.Name == key.Source)?.FileNameOf(key.Name) ?? "";
}
