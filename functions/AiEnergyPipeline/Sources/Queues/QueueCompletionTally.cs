using AiEnergyPipeline.Tables;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// Counts resolved requests as queue_projects is written, then writes queue_completion_rates
/// (LBNL's method: completed over completed plus withdrawn, by queue, generation type and entry
/// year). LBNL's rows of a queue that is also read from the ISO's own file are left out: the two
/// name the same requests with different ids, and counting both would count each twice. A queue
/// one of whose files failed in this run is written with complete false and no rates.
/// </summary>
public sealed class QueueCompletionTally
{
    private const string FromLbnl = LbnlQueueWorkbook.FormatName;
    private readonly Dictionary<(string Region, bool Lbnl, string Type, string Cohort), Tally> _tallies = [];

    public void Add(QueueProject project)
    {
        var key = (project.Region, project.SourceFormat == FromLbnl, project.AccreditationClass, Cohort(project));
        if (!_tallies.TryGetValue(key, out var tally))
        {
            tally = new Tally();
            _tallies[key] = tally;
        }

        tally.Add(project.Status, project.CapacityMw);
    }

    public Task<StagedTable> WriteAsync(string stagingDirectory, string origin, CancellationToken cancellationToken) =>
        WriteAsync(stagingDirectory, origin, new HashSet<string>(), cancellationToken);

    /// <param name="incompleteRegions">The queues one of whose files could not be downloaded or read in this run.</param>
    /// <param name="origin">The <see cref="OriginColumn"/> of the table's rows.</param>
    public async Task<StagedTable> WriteAsync(string stagingDirectory, string origin, IReadOnlySet<string> incompleteRegions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incompleteRegions);
        await using var writer = TableWriter.Create(stagingDirectory, Schemas.QueueCompletionRates, origin);
        var fromIsoFiles = _tallies.Keys.Where(k => !k.Lbnl).Select(k => k.Region).ToHashSet(StringComparer.Ordinal);
        var rows = _tallies
            .Where(p => !p.Key.Lbnl || !fromIsoFiles.Contains(p.Key.Region))
            .GroupBy(p => (p.Key.Region, p.Key.Type, p.Key.Cohort))
            .OrderBy(g => g.Key.Region, StringComparer.Ordinal).ThenBy(g => g.Key.Type, StringComparer.Ordinal).ThenBy(g => g.Key.Cohort, StringComparer.Ordinal);
        foreach (var group in rows)
        {
            var t = group.Aggregate(new Tally(), (sum, p) => sum.Plus(p.Value));
            // A rate from part of a queue (without its withdrawn file, say) would be published as if it were the queue's: left empty, as country_capacity leaves an incomplete total.
            var complete = !incompleteRegions.Contains(group.Key.Region);
            var csv = writer.Csv;
            csv.WriteField(group.Key.Region);
            csv.WriteField(group.Key.Type);
            csv.WriteField(group.Key.Cohort);
            csv.WriteField(t.CompletedCount);
            csv.WriteField(Math.Round(t.CompletedMw, 3));
            csv.WriteField(t.WithdrawnCount);
            csv.WriteField(Math.Round(t.WithdrawnMw, 3));
            csv.WriteField(t.UnresolvedCount);
            csv.WriteField(Math.Round(t.UnresolvedMw, 3));
            csv.WriteField(complete ? Rate(t.CompletedMw, t.CompletedMw + t.WithdrawnMw) : "");
            csv.WriteField(complete ? Rate(t.CompletedCount, t.CompletedCount + t.WithdrawnCount) : "");
            csv.WriteField("measured");
            csv.WriteField(complete);
            writer.EndRow();
        }

        return await writer.CompleteAsync(cancellationToken);
    }

    private static string Cohort(QueueProject project) =>
        project.QueueDate is { } date ? date.Date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown";

    private static string Rate(double part, double whole) =>
        whole > 0 ? Math.Round(part / whole, 4).ToString(System.Globalization.CultureInfo.InvariantCulture) : "";

    private sealed class Tally
    {
        public long CompletedCount { get; private set; }
        public double CompletedMw { get; private set; }
        public long WithdrawnCount { get; private set; }
        public double WithdrawnMw { get; private set; }
        public long UnresolvedCount { get; private set; }
        public double UnresolvedMw { get; private set; }

        public void Add(string status, double mw)
        {
            switch (status)
            {
                // Built then retired reached service: a completion, as LBNL counts it.
                case QueueStatuses.Operational or QueueStatuses.Retired:
                    CompletedCount++;
                    CompletedMw += mw;
                    break;
                case QueueStatuses.Withdrawn:
                    WithdrawnCount++;
                    WithdrawnMw += mw;
                    break;
                default:
                    UnresolvedCount++;
                    UnresolvedMw += mw;
                    break;
            }
        }

        public Tally Plus(Tally other) => new()
        {
            CompletedCount = CompletedCount + other.CompletedCount,
            CompletedMw = CompletedMw + other.CompletedMw,
            WithdrawnCount = WithdrawnCount + other.WithdrawnCount,
            WithdrawnMw = WithdrawnMw + other.WithdrawnMw,
            UnresolvedCount = UnresolvedCount + other.UnresolvedCount,
            UnresolvedMw = UnresolvedMw + other.UnresolvedMw,
        };
    }
}
