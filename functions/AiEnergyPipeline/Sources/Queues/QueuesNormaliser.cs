using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources.Queues.Iso;
using AiEnergyPipeline.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// Builds queue_projects from the queue files, in the order the settings list them. A project key
/// (the queue id, with the phase where phases share it) is unique within its region: when a region
/// and key come again, in the same file or a later one, the later row is quarantined and the first
/// kept. A file that holds one ISO's queue (the ISO's own file, or a gridstatus file) and could not
/// be downloaded or read fails that ISO alone: its rows are left out, the report names the file,
/// the ISO and the cause, the ISO's rows from other files are marked incomplete, and the other ISOs
/// publish. The LBNL workbook that cannot be read, or no file read at all, fails the source.
/// </summary>
public sealed partial class QueuesNormaliser(IOptions<QueuesOptions> options, ILogger<QueuesNormaliser> logger, IOptions<SourceLimitsOptions>? limits = null) : INormaliser
{
    public IReadOnlyList<string> Sources { get; } = [QueuesSource.SourceName];

    public IReadOnlyList<TableSchema> Tables { get; } = [Schemas.QueueProjects, Schemas.QueueCompletionRates];

    public async Task<IReadOnlyList<StagedTable>> NormaliseAsync(NormaliseContext context, CancellationToken cancellationToken)
    {
        var files = context.FilesOf(QueuesSource.SourceName);
        var entries = options.Value.Resolve();
        var fetchFailures = context.FetchFailuresOf(QueuesSource.SourceName).ToDictionary(f => f.Setting, StringComparer.Ordinal);
        var notFetched = entries.Count(e => fetchFailures.ContainsKey(e.Setting));
        if (files.Count != entries.Count - notFetched)
        {
            throw new SourceException(QueuesSource.SourceName, null, $"{files.Count} files were fetched but the settings list {entries.Count}{(notFetched > 0 ? $", {notFetched} of them failed" : "")}.");
        }

        var counts = context.CountsOf(QueuesSource.SourceName);
        var seen = new Dictionary<(string Region, string Key), (string File, QueueRowLocation Location)>();
        var unknown = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var rates = new QueueCompletionTally();
        var incomplete = new HashSet<string>(StringComparer.Ordinal);
        var errors = new List<string>();
        await using var writer = QueueProjectsTable.Create(context.StagingDirectory, context.OriginOf(Schemas.QueueProjects.Sources));
        var next = 0;
        foreach (var entry in entries)
        {
            if (fetchFailures.TryGetValue(entry.Setting, out var notDownloaded))
            {
                // The fetch reported it (failed_files); here it is only left out.
                LeaveOut(entry, notDownloaded.Error);
                continue;
            }

            var file = files[next++];
            long quarantined = 0, written = 0, zeroMw = 0;
            void Quarantine(QuarantineRecord record)
            {
                quarantined++;
                context.Quarantine.Add(record);
            }

            // A row the reader cannot read is a row in, too.
            void Unreadable(QuarantineRecord record)
            {
                counts.RowsIn++;
                Quarantine(record);
            }

            // The rows of a file of one ISO are staged until the file is read to its end: one that fails half-way publishes none of them.
            var staged = new List<QueueProject>();
            var rowsIn = counts.RowsIn;
            try
            {
                await using var stream = entry.Format == QueueFileFormat.Gridstatus ? OpenLocal(file) : null;
                foreach (var project in Rows(entry, file, stream, Unreadable, limits?.Value))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    counts.RowsIn++;
                    staged.Add(project);
                    if (!entry.HoldsOneIso)
                    {
                        Keep(staged);
                    }
                }
            }
            catch (SourceException e) when (entry.HoldsOneIso)
            {
                counts.RowsIn = rowsIn;
                counts.Failures.Add(new FileFailure(entry.FileName, entry.Setting, file.Url, entry.Region!, FailureStage.Read, e.Message));
                LeaveOut(entry, e.Message);
                continue;
            }

            if (entry.HoldsOneIso && staged.Count == 0)
            {
                // No ISO's queue is empty: a file of no project (only a header, or every row set aside) is a broken export, and
                // published it would read as every project of the queue gone (queue_changes: left).
                var error = $"{QueuesSource.SourceName}: {file.FileName}: no project could be read ({counts.RowsIn - rowsIn:N0} rows quarantined).";
                counts.Failures.Add(new FileFailure(entry.FileName, entry.Setting, file.Url, entry.Region!, FailureStage.Read, error));
                LeaveOut(entry, error);
                continue;
            }

            Keep(staged);
            LogFile(file.FileName, written, zeroMw, quarantined);

            void Keep(List<QueueProject> projects)
            {
                foreach (var project in projects)
                {
                    if (seen.TryGetValue((project.Region, project.ProjectKey), out var first))
                    {
                        Quarantine(new QuarantineRecord(file.Source, file.FileName, file.RawPath, project.Location.Line,
                            $"{project.Location.ReasonPrefix}duplicate of region '{project.Region}' project '{project.ProjectKey}' read first from {first.File} {first.Location}",
                            $"{project.Region},{project.QueueId},{project.ProjectName}"));
                        continue;
                    }

                    seen[(project.Region, project.ProjectKey)] = (file.FileName, project.Location);
                    writer.Add(project);
                    rates.Add(project);
                    written++;
                    counts.RowsOut++;
                    zeroMw += project.CapacityMw == 0 ? 1 : 0;
                    if (project.Status == QueueStatuses.Unknown)
                    {
                        unknown[$"{project.Region}: '{project.StatusRaw}'"] = unknown.GetValueOrDefault($"{project.Region}: '{project.StatusRaw}'") + 1;
                    }
                }

                projects.Clear();
            }
        }

        if (errors.Count == entries.Count)
        {
            throw new SourceException(QueuesSource.SourceName, null, $"no queue file could be read: {string.Join("; ", errors)}");
        }

        if (unknown.Count > 0)
        {
            counts.Notes.Add($"{unknown.Values.Sum()} projects kept with status unknown (no rule knows the words in status_raw): {string.Join(", ", unknown.Select(p => $"{p.Key} x{p.Value}"))}.");
        }

        return [await writer.CompleteAsync(incomplete, cancellationToken), await rates.WriteAsync(context.StagingDirectory, context.OriginOf(Schemas.QueueCompletionRates.Sources), incomplete, cancellationToken)];

        void LeaveOut(QueueFile entry, string error)
        {
            errors.Add(error);
            incomplete.Add(entry.Region!);
            var note = $"{error}{(error.EndsWith('.') ? "" : ".")} {entry.Region}'s queue is missing from this run; the other queues are published.";
            counts.Notes.Add(note);
            LogIsoFailed(note);
        }
    }

    private static IEnumerable<QueueProject> Rows(QueueFile entry, FetchedFile file, Stream? stream, Action<QuarantineRecord> unreadable, SourceLimitsOptions? limits) => entry.Format switch
    {
        QueueFileFormat.Lbnl => LbnlQueueWorkbook.Read(file, entry.Sheet, unreadable, limits),
        QueueFileFormat.Gridstatus => GridstatusQueueCsv.Read(stream!, file, entry.Region!, unreadable, limits),
        _ => IsoQueueReader.Read(file, IsoWorkbook.SheetsOf(file, entry.Format, limits), IsoWorkbook.LayoutOf(entry.Format), unreadable),
    };

    private static FileStream OpenLocal(FetchedFile file) =>
        new(file.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    [LoggerMessage(Level = LogLevel.Information, Message = "queues: {File}: {Rows} projects written, {ZeroMw} of them with 0 MW (kept), {Quarantined} rows quarantined")]
    private partial void LogFile(string file, long rows, long zeroMw, long quarantined);

    [LoggerMessage(Level = LogLevel.Error, Message = "queues: {Note}")]
    private partial void LogIsoFailed(string note);
}
