using AiEnergyPipeline.Tables;
using System.Globalization;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// Compares two runs' queue_projects and writes queue_changes: the rows are matched by region and
/// project key; a project in one run only entered or left; a matched project's status, capacity
/// and proposed completion date are compared. Only queues that both runs read whole are compared
/// (<see cref="RegionsCompared"/>): a queue whose file failed in either run would otherwise show
/// every project of that file as left, then as entered again.
/// </summary>
public static class QueueChangeDetector
{
    // Capacities are typed by hand with decimals; a change below this is rounding, not a change.
    private const double CapacityTolerance = 0.001;

    public static long Write(TableWriter writer, IReadOnlyList<QueueSnapshotRow> previous, IReadOnlyList<QueueSnapshotRow> current, string previousRunId, string runId)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var compared = RegionsCompared(previous, current);
        long written = 0;
        Compare(
            previous.Select((r, i) => (r, (long)i)).Where(p => compared.Contains(p.r.Region)).ToList(),
            current.Select((r, i) => (r, (long)i)).Where(p => compared.Contains(p.r.Region)).ToList(),
            change =>
            {
                WriteRow(writer, change, previousRunId, runId);
                written++;
            });
        return written;
    }

    /// <summary>One queue_changes row as the table has it.</summary>
    public static void WriteRow(TableWriter writer, QueueChange change, string previousRunId, string runId)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(change);
        var csv = writer.Csv;
        csv.WriteField(change.Region);
        csv.WriteField(change.Key);
        csv.WriteField(change.QueueId);
        csv.WriteField(change.Change);
        csv.WriteField(change.From);
        csv.WriteField(change.To);
        csv.WriteField(change.Months?.ToString(CultureInfo.InvariantCulture) ?? "");
        csv.WriteField(previousRunId);
        csv.WriteField(runId);
        writer.EndRow();
    }

    /// <summary>
    /// The changes between two sets of projects already limited to the queues compared, each row
    /// with its position in its run's table; emitted in table order: this run's projects by position
    /// (a project's changes in a fixed order), then those that left by their previous position. Every
    /// row of a project must be in the sets given, so that buckets by (region, key) compare alike.
    /// </summary>
    public static void Compare(IReadOnlyList<(QueueSnapshotRow Row, long Sequence)> previous, IReadOnlyList<(QueueSnapshotRow Row, long Sequence)> current, Action<QueueChange> emit)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(emit);
        var before = new Dictionary<(string, string), QueueSnapshotRow>();
        foreach (var (row, _) in previous)
        {
            before.TryAdd((row.Region, row.Key), row);
        }

        var seen = new HashSet<(string, string)>();
        foreach (var (now, sequence) in current)
        {
            if (!seen.Add((now.Region, now.Key)))
            {
                continue;
            }

            var step = 0;
            void Change(string change, string from, string to, int? months = null) =>
                emit(new QueueChange(0, sequence, step++, now.Region, now.Key, now.QueueId, change, from, to, months));

            if (!before.TryGetValue((now.Region, now.Key), out var then))
            {
                Change("entered", "", now.Status);
                continue;
            }

            if (then.Status != now.Status)
            {
                Change(StatusChange(now.Status), then.Status, now.Status);
            }

            if (then.CapacityMw is { } a && now.CapacityMw is { } b && Math.Abs(a - b) > CapacityTolerance)
            {
                Change("capacity_changed", Number(a), Number(b));
            }

            if (then.Proposed is { } from && now.Proposed is { } to && from != to)
            {
                Change("proposed_date_moved", Date(from), Date(to), (to.Year - from.Year) * 12 + to.Month - from.Month);
            }
        }

        foreach (var (then, sequence) in previous.Where(p => !seen.Contains((p.Row.Region, p.Row.Key))).DistinctBy(p => (p.Row.Region, p.Row.Key)))
        {
            emit(new QueueChange(1, sequence, 0, then.Region, then.Key, then.QueueId, "left", then.Status, "", null));
        }
    }

    /// <summary>The queues (regions) both runs have rows of, none of them from a run that went without one of the queue's files.</summary>
    public static IReadOnlySet<string> RegionsCompared(IReadOnlyList<QueueSnapshotRow> previous, IReadOnlyList<QueueSnapshotRow> current)
    {
        var incomplete = previous.Concat(current).Where(r => !r.Complete).Select(r => r.Region).ToHashSet(StringComparer.Ordinal);
        var compared = previous.Select(r => r.Region).ToHashSet(StringComparer.Ordinal);
        compared.IntersectWith(current.Select(r => r.Region));
        compared.ExceptWith(incomplete);
        return compared;
    }

    /// <summary>The queues of either run that <see cref="RegionsCompared"/> leaves out, in order: missing from one run, or read without one of their files.</summary>
    public static IReadOnlyList<string> RegionsNotCompared(IReadOnlyList<QueueSnapshotRow> previous, IReadOnlyList<QueueSnapshotRow> current)
    {
        var compared = RegionsCompared(previous, current);
        return previous.Concat(current).Select(r => r.Region).Where(r => !compared.Contains(r)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static string StatusChange(string to) => to switch
    {
        QueueStatuses.Withdrawn => "withdrawn",
        QueueStatuses.Operational => "in_service",
        QueueStatuses.Retired => "retired",
        _ => "status_changed",
    };

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
