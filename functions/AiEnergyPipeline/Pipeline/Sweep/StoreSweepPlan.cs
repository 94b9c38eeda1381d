using AiEnergyPipeline.Publish;
using AiEnergyPipeline.Storage;
using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Pipeline.Sweep;

/// <summary>The objects of one runs/{id}/ folder, as listed.</summary>
/// <param name="Unreadable">Its datapackage.json is there but cannot be read: kept, never judged.</param>
/// <param name="FailedPublishing">A complete run whose report.json says it failed (its publishing stopped after its
/// datapackage.json: the store failed, or the run was found not whole): never latest, so no run to keep.</param>
internal sealed record StoredRunFolder(string RunId, IReadOnlyList<StoredObjectInfo> Objects, bool Complete, string? DerivedFrom, bool Unreadable, bool FailedPublishing = false);

/// <summary>What to remove: the report's line, and the store paths, in the order to delete them.</summary>
internal sealed record SweepTarget(SweptItem Item, IReadOnlyList<string> Paths);

/// <summary>
/// The sweep's decisions over one listing of the store, at one time: which objects are litter or
/// past retention, and why. Pure: it deletes nothing, so a dry run and a sweep decide alike.
/// </summary>
internal sealed class StoreSweepPlan(DateTimeOffset now, SweepOptions settings)
{
    private const string Occurrences = "occurrences";

    public IEnumerable<SweepTarget> TempFiles(IEnumerable<StoredObjectInfo> temporary)
    {
        foreach (var file in temporary)
        {
            var age = now - (file.LastModified ?? now);
            if (age > settings.TempFileAge)
            {
                yield return Target(SweepKind.TempFile, file.Path, $"half a write, untouched for {LocalLitter.Ago(age)} (more than {settings.TempFileAge})", [file]);
            }
        }
    }

    /// <param name="kept">Receives each complete run kept and why.</param>
    public IEnumerable<SweepTarget> Runs(IReadOnlyList<StoredRunFolder> runs, string? latestRunId, List<KeptRun> kept)
    {
        var targets = new List<SweepTarget>();
        foreach (var run in runs.Where(r => (!r.Complete || r.FailedPublishing) && r.RunId != latestRunId))
        {
            // The younger of its start (from its id) and its last write: a run still publishing is young by both.
            var age = now - Newest(run.Objects, RunId.StartOf(run.RunId));
            var onlyReport = run.Objects.Count == 1 && run.Objects[0].Path == RunPublisher.ReportPath(run.RunId);
            if (onlyReport && age > settings.ReportAge)
            {
                targets.Add(Target(SweepKind.FailedRunReport, RunPublisher.RunFolder(run.RunId) + "/", $"the report of a failed run, {LocalLitter.Ago(age)} old (more than {settings.ReportAge})", run.Objects));
            }
            else if (!onlyReport && age > settings.HalfRunAge)
            {
                var why = run.FailedPublishing ? "its report.json says it failed while publishing" : "no datapackage.json: a run that died while publishing";
                targets.Add(Target(SweepKind.HalfRun, RunPublisher.RunFolder(run.RunId) + "/", $"{why}, untouched for {LocalLitter.Ago(age)} (more than {settings.HalfRunAge})", run.Objects));
            }
        }

        // Only runs that were published take the places kept: a failed one would push out a good run.
        var judged = runs.Where(r => r.Complete && !r.Unreadable && (!r.FailedPublishing || r.RunId == latestRunId)).ToList();
        var keep = RunRetention.Keep([.. judged.Select(r => new CompleteRun(r.RunId, r.DerivedFrom))], latestRunId, settings.KeepLatestRuns, settings.KeepMonthlyRuns);
        kept.AddRange(runs.Where(r => r.Unreadable).Select(r => new KeptRun(r.RunId, "its datapackage.json cannot be read")));
        foreach (var run in judged.OrderBy(r => r.RunId, StringComparer.Ordinal))
        {
            if (keep.TryGetValue(run.RunId, out var reason))
            {
                kept.Add(new KeptRun(run.RunId, reason));
                continue;
            }

            // datapackage.json first: a sweep stopped half way leaves a half run, never a complete run with files missing.
            var ordered = run.Objects.OrderBy(o => o.Path == RunPublisher.DataPackagePath(run.RunId) ? 0 : 1).ThenBy(o => o.Path, StringComparer.Ordinal).ToList();
            var policy = $"neither latest, nor one of the {settings.KeepLatestRuns} newest{(settings.KeepMonthlyRuns ? ", nor the last of its month" : "")}, nor the source of a kept recompute";
            targets.Add(Target(SweepKind.RetiredRun, RunPublisher.RunFolder(run.RunId) + "/", policy, ordered));
        }

        return targets;
    }

    /// <summary>work/{plan}/ folders and work/occurrences/ claims past the plan expiry.</summary>
    public IEnumerable<SweepTarget> WorkState(IEnumerable<StoredObjectInfo> objects)
    {
        foreach (var group in objects.GroupBy(o => o.Path.Split('/')[1], StringComparer.Ordinal))
        {
            if (group.Key == Occurrences)
            {
                foreach (var claim in group)
                {
                    var claimAge = now - (claim.LastModified ?? now);
                    if (claimAge > settings.PlanExpiry)
                    {
                        yield return Target(SweepKind.ExpiredOccurrence, claim.Path, $"a timer occurrence's claim, {LocalLitter.Ago(claimAge)} old (more than {settings.PlanExpiry})", [claim]);
                    }
                }

                continue;
            }

            var items = group.ToList();
            var age = now - Newest(items, RunId.StartOf(group.Key));
            if (age > settings.PlanExpiry)
            {
                yield return Target(SweepKind.ExpiredPlan, $"work/{group.Key}/", $"a fanned-out plan, {LocalLitter.Ago(age)} old (more than {settings.PlanExpiry})", items);
            }
        }
    }

    /// <summary>
    /// Under partitions/{source}/{part}/: the {version}/ folders of a partition version other than
    /// <paramref name="partitionVersion"/> (with any codec: a codec changed back reuses its cache), last
    /// written more than the plan expiry ago, so that an older deployment still finishing its runs
    /// keeps its cache; and plans/{planId}.json records past the plan expiry, which only their plan's
    /// completion reads (an expired plan cannot complete).
    /// </summary>
    public IEnumerable<SweepTarget> Partitions(IEnumerable<StoredObjectInfo> objects, string partitionVersion)
    {
        foreach (var group in objects.Where(o => o.Path.Split('/').Length > 4).GroupBy(o => string.Join('/', o.Path.Split('/')[..4]), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var version = group.Key.Split('/')[3];
            if (version == PartitionCache.PlanRecords)
            {
                foreach (var record in group)
                {
                    var recordAge = now - Newest([record], RunId.StartOf(Path.GetFileNameWithoutExtension(record.Path)));
                    if (recordAge > settings.PlanExpiry)
                    {
                        yield return Target(SweepKind.ExpiredPlanRecord, record.Path, $"a partition's record in a plan, {LocalLitter.Ago(recordAge)} old (more than {settings.PlanExpiry})", [record]);
                    }
                }

                continue;
            }

            if (version == partitionVersion || version.StartsWith(partitionVersion + "-", StringComparison.Ordinal))
            {
                continue;
            }

            var age = now - Newest(group, null);
            if (age > settings.PlanExpiry)
            {
                // Summaries first: an entry stopped half way is incomplete, never reused with files missing.
                var ordered = group.OrderBy(o => o.Path.EndsWith("/summary.json", StringComparison.Ordinal) ? 0 : 1).ThenBy(o => o.Path, StringComparer.Ordinal).ToList();
                yield return Target(SweepKind.OtherVersionPartitions, group.Key + "/", $"partitions cached by version {version}, which this version (partitions {partitionVersion}) does not read, untouched for {LocalLitter.Ago(age)} (more than {settings.PlanExpiry})", ordered);
            }
        }
    }

    /// <summary>
    /// Under partitions/{source}/{part}/{version}/ of this partition version (any codec): the entries
    /// of a file's earlier bytes (the source revised the file), which no run reads again. An entry
    /// goes when it is not its folder's newest complete entry, nothing in it was written for the plan
    /// expiry, and nothing in <paramref name="inUse"/> names its sha256 (a fetch state, a young plan's record).
    /// </summary>
    public IEnumerable<SweepTarget> SupersededPartitions(IEnumerable<StoredObjectInfo> objects, string partitionVersion, InputsInUse inUse)
    {
        var entries = objects.Where(o => o.Path.Split('/') is { Length: > 5 } s && (s[3] == partitionVersion || s[3].StartsWith(partitionVersion + "-", StringComparison.Ordinal)))
            .GroupBy(o => string.Join('/', o.Path.Split('/')[..5]), StringComparer.Ordinal);
        foreach (var folder in entries.GroupBy(e => e.Key[..e.Key.LastIndexOf('/')], StringComparer.Ordinal).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            // The newest complete entry (its summary is written last) is the one the next run of an unchanged file reuses.
            var newest = folder.Where(e => e.Any(IsSummary)).MaxBy(e => e.First(IsSummary).LastModified ?? now)?.Key;
            foreach (var entry in folder.Where(e => e.Key != newest).OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                var sha256 = entry.Key[(entry.Key.LastIndexOf('/') + 1)..];
                var age = now - Newest(entry, null);
                if (age > settings.PlanExpiry && !inUse.Sha256s.Contains(sha256))
                {
                    var ordered = entry.OrderBy(o => IsSummary(o) ? 0 : 1).ThenBy(o => o.Path, StringComparer.Ordinal).ToList();
                    yield return Target(SweepKind.SupersededPartition, entry.Key + "/", $"the partition as normalised from earlier bytes of its file ({(entry.Any(IsSummary) ? "a newer entry replaced it" : "never completed")}), used by no fetch state or plan of the last {settings.PlanExpiry}, untouched for {LocalLitter.Ago(age)}", ordered);
                }
            }
        }
    }

    /// <summary>
    /// raw/{source}/{sha256}.{ext} that no kept run, fetch state or young plan names (<paramref name="inUse"/>),
    /// untouched for the plan expiry; none when a kept run's data package cannot be read.
    /// </summary>
    public IEnumerable<SweepTarget> UnusedRaw(IEnumerable<StoredObjectInfo> objects, InputsInUse inUse)
    {
        if (inUse.RawPaths is not { } used)
        {
            yield break;
        }

        foreach (var raw in objects.Where(o => !used.Contains(o.Path)).OrderBy(o => o.Path, StringComparer.Ordinal))
        {
            var age = now - Newest([raw], null);
            if (age > settings.PlanExpiry)
            {
                yield return Target(SweepKind.UnusedRawFile, raw.Path, $"an input file no kept run, fetch state or plan of the last {settings.PlanExpiry} names, untouched for {LocalLitter.Ago(age)}", [raw]);
            }
        }
    }

    private static bool IsSummary(StoredObjectInfo o) => o.Path.EndsWith("/summary.json", StringComparison.Ordinal);

    public IEnumerable<SweepTarget> SweepReports(IEnumerable<StoredObjectInfo> objects)
    {
        foreach (var report in objects)
        {
            var age = now - Newest([report], RunId.StartOf(Path.GetFileNameWithoutExtension(report.Path)));
            if (age > settings.ReportAge)
            {
                yield return Target(SweepKind.OldSweepReport, report.Path, $"an earlier sweep's report, {LocalLitter.Ago(age)} old (more than {settings.ReportAge})", [report]);
            }
        }
    }

    /// <summary>The latest of a start time and the objects' last writes; an object without a time counts as written now, so it is never judged old.</summary>
    private DateTimeOffset Newest(IEnumerable<StoredObjectInfo> objects, DateTimeOffset? start)
    {
        var newest = start ?? DateTimeOffset.MinValue;
        foreach (var o in objects)
        {
            var written = o.LastModified ?? now;
            newest = written > newest ? written : newest;
        }

        return newest;
    }

    private static SweepTarget Target(SweepKind kind, string path, string reason, IReadOnlyList<StoredObjectInfo> objects) =>
        new(new SweptItem(kind, path, reason, objects.Count, objects.Sum(o => o.Length)), [.. objects.Select(o => o.Path)]);
}
