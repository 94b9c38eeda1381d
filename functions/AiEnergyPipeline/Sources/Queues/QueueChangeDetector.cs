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
        var compared = RegionsCompared(previous, current);
        previous = previous.Where(r => compared.Contains(r.Region)).ToList();
        current = current.Where(r => compared.Contains(r.Region)).ToList();
        var before = new Dictionary<(string, string), QueueSnapshotRow>();
        foreach (var row in previous)
        {
            before.TryAdd((row.Region, row.Key), row);
        }

        var seen = new HashSet<(string, string)>();
        long written = 0;
        void Change(QueueSnapshotRow row, string change, string from, string to, int? months = null)
        {
            var csv = writer.Csv;
            csv.WriteField(row.Region);
            csv.WriteField(row.Key);
            csv.WriteField(row.QueueId);
            csv.WriteField(change);
            csv.WriteField(from);
            csv.WriteField(to);
            csv.WriteField(months?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.WriteField(previousRunId);
            csv.WriteField(runId);
            writer.EndRow();
            written++;
        }

        foreach (var now in current)
        {
            if (!seen.Add((now.Region, now.Key)))
            {
                continue;
            }

            if (!before.TryGetValue((now.Region, now.Key), out var then))
            {
                Change(now, "entered", "", now.Status);
                continue;
            }

            if (then.Status != now.Status)
            {
                Change(now, StatusChange(now.Status), then.Status, now.Status);
            }

            if (then.CapacityMw is { } a && now.CapacityMw is { } b && Math.Abs(a - b) > CapacityTolerance)
            {
                Change(now, "capacity_changed", Number(a), Number(b));
            }

            if (then.Proposed is { } from && now.Proposed is { } to && from != to)
            {
                Change(now, "proposed_date_moved", Date(from), Date(to), (to.Year - from.Year) * 12 + to.Month - from.Month);
            }
        }

        foreach (var then in previous.Where(p => !seen.Contains((p.Region, p.Key))).DistinctBy(p => (p.Region, p.Key)))
        {
            Change(then, "left", then.Status, "");
        }

        return written;
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
