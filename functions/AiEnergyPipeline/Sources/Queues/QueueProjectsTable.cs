using AiEnergyPipeline.Tables;
using CsvHelper;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// queue_projects, written in two streaming passes: each row as its file is read, into a scratch
/// file; then, once every file's fate is known, copied into the table with its complete column. A
/// row cannot be told complete when it is read: the LBNL workbook gives rows of an ISO whose own
/// file, read later, may fail.
/// </summary>
public sealed class QueueProjectsTable : IAsyncDisposable
{
    private const string ScratchFolder = "queue_projects.scratch";
    private const string CompleteColumn = "complete";

    /// <summary>The table without its complete column: the rows as they are read.</summary>
    private static readonly TableSchema Scratch = Schemas.QueueProjects with { Fields = [.. Schemas.QueueProjects.Fields.Where(f => f.Name != CompleteColumn)] };

    private readonly string _stagingDirectory;
    private readonly TableWriter _scratch;
    private readonly string _origin;

    private QueueProjectsTable(string stagingDirectory, string origin)
    {
        _stagingDirectory = stagingDirectory;
        _origin = origin;
        _scratch = TableWriter.Create(Path.Combine(stagingDirectory, ScratchFolder), Scratch, origin);
    }

    /// <param name="origin">The <see cref="OriginColumn"/> of the table's rows.</param>
    public static QueueProjectsTable Create(string stagingDirectory, string origin) => new(stagingDirectory, origin);

    public void Add(QueueProject project) => QueueProjectRow.Write(_scratch, project);

    /// <param name="incompleteRegions">The queues one of whose files could not be downloaded or read: their rows are written with complete false.</param>
    public async Task<StagedTable> CompleteAsync(IReadOnlySet<string> incompleteRegions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incompleteRegions);
        var scratch = await _scratch.CompleteAsync(cancellationToken);
        await using var writer = TableWriter.Create(_stagingDirectory, Schemas.QueueProjects, _origin);
        await using (var content = new FileStream(scratch.LocalPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        {
            using var csv = CsvReader.Create(content, CsvReaderOptions.Default with { Separator = ',', AllowLineBreaksInQuotes = true }, leaveOpen: true);
            while (csv.Read())
            {
                // The fields go back as the same strings, so the writer quotes them as it did the first time: the bytes of the other columns do not change.
                var origin = csv.FieldCount - 1;
                for (var i = 0; i < origin; i++)
                {
                    writer.Csv.WriteField(csv.GetString(i));
                }

                writer.Csv.WriteField(!incompleteRegions.Contains(csv.GetString(0)));
                writer.EndRow(csv.GetString(origin));
            }
        }

        File.Delete(scratch.LocalPath);
        return await writer.CompleteAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _scratch.DisposeAsync();
}
