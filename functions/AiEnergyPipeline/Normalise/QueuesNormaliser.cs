using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Normalise.Queues;
using AiEnergyPipeline.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AiEnergyPipeline.Normalise;

/// <summary>
/// Builds queue_projects from the queue files, in the order the settings list them. A queue id
/// is unique within its region (the queue that issued it): when a region and id come again, in
/// the same file or a later one, the later row is quarantined and the first kept.
/// </summary>
public sealed partial class QueuesNormaliser(IOptions<QueuesOptions> options, ILogger<QueuesNormaliser> logger, IOptions<SourceLimitsOptions>? limits = null) : INormaliser
{
    public IReadOnlyList<string> Sources { get; } = [QueuesSource.SourceName];

    public IReadOnlyList<TableSchema> Tables { get; } = [Schemas.QueueProjects];

    public async Task<IReadOnlyList<StagedTable>> NormaliseAsync(NormaliseContext context, CancellationToken cancellationToken)
    {
        var files = context.FilesOf(QueuesSource.SourceName);
        var entries = options.Value.Resolve();
        if (files.Count != entries.Count)
        {
            throw new SourceException(QueuesSource.SourceName, null, $"{files.Count} files were fetched but the settings list {entries.Count}.");
        }

        var counts = context.CountsOf(QueuesSource.SourceName);
        var seen = new Dictionary<(string Region, string QueueId), (string File, QueueRowLocation Location)>();
        await using var writer = TableWriter.Create(context.StagingDirectory, Schemas.QueueProjects);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var quarantined = 0L;
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

            await using var stream = entries[i].Format == QueueFileFormat.Gridstatus ? OpenLocal(file) : null;
            var rows = stream is null
                ? LbnlQueueWorkbook.Read(file, entries[i].Sheet, Unreadable, limits?.Value)
                : GridstatusQueueCsv.Read(stream, file, entries[i].Region!, Unreadable, limits?.Value);
            long written = 0, zeroMw = 0;
            foreach (var project in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                counts.RowsIn++;
                if (seen.TryGetValue((project.Region, project.QueueId), out var first))
                {
                    Quarantine(new QuarantineRecord(file.Source, file.FileName, file.RawPath, project.Location.Line,
                        $"{project.Location.ReasonPrefix}duplicate of region '{project.Region}' queue id '{project.QueueId}' read first from {first.File} {first.Location}",
                        $"{project.Region},{project.QueueId},{project.ProjectName}"));
                    continue;
                }

                seen[(project.Region, project.QueueId)] = (file.FileName, project.Location);
                Write(writer, project);
                written++;
                zeroMw += project.CapacityMw == 0 ? 1 : 0;
            }

            counts.RowsOut += written;
            LogFile(file.FileName, written, zeroMw, quarantined);
        }

        return [await writer.CompleteAsync(cancellationToken)];
    }

    private static void Write(TableWriter writer, QueueProject p)
    {
        var csv = writer.Csv;
        csv.WriteField(p.Region);
        csv.WriteField(p.QueueId);
        csv.WriteField(p.ProjectName);
        csv.WriteField(p.State);
        csv.WriteField(p.County);
        csv.WriteField(p.GenerationType);
        csv.WriteField(p.AccreditationClass);
        csv.WriteField(p.CapacityMw);
        WriteOptional(writer, p.StorageMw);
        WriteOptional(writer, p.Component2Mw);
        WriteOptional(writer, p.Component3Mw);
        csv.WriteField(p.QueueDate?.Iso ?? "");
        csv.WriteField(p.ProposedCompletion?.Iso ?? "");
        csv.WriteField(p.ProposedCompletion?.PrecisionName ?? "");
        csv.WriteField(p.Status);
        csv.WriteField(p.MarketRegion);
        csv.WriteField(p.SourceFormat);
        csv.WriteField(p.SourceFile);
        writer.EndRow();
    }

    private static void WriteOptional(TableWriter writer, double? value)
    {
        if (value is { } v)
        {
            writer.Csv.WriteField(v);
        }
        else
        {
            writer.Csv.WriteField("");
        }
    }

    private static FileStream OpenLocal(FetchedFile file) =>
        new(file.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    [LoggerMessage(Level = LogLevel.Information, Message = "queues: {File}: {Rows} projects written, {ZeroMw} of them with 0 MW (kept), {Quarantined} rows quarantined")]
    private partial void LogFile(string file, long rows, long zeroMw, long quarantined);
}
