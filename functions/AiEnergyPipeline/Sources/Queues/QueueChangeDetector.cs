using AiEnergyPipeline.Tables;
using System.Globalization;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// Compares two runs' queue_projects and writes queue_changes: the rows are matched by region and
/// project key; a project in one run only entered or left; a matched project's status, capacity
/// and proposed completion date are compared.
/// </summary>
public static class QueueChangeDetector
{
    // Capacities are typed by hand with decimals; a change below this is rounding, not a change.
    private const double CapacityTolerance = 0.001;

    public static long Write(TableWriter writer, IReadOnlyList<QueueSnapshotRow> previous, IReadOnlyList<QueueSnapshotRow> current, string previousRunId, string runId)
    {
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
