using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;
using CsvHelper;
using System.Text;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// Reads one ISO's queue as a CSV in the columns gridstatus normalises every ISO to, streaming.
/// Names and comments hold quoted line breaks, so a record can span lines (the line reported is
/// the one it starts on). The file does not name its ISO: the region comes from the settings.
/// </summary>
public static class GridstatusQueueCsv
{
    public const string FormatName = "gridstatus";

    private const string QueueId = "Queue ID";
    private const string ProjectName = "Project Name";
    private const string County = "County";
    private const string State = "State";
    private const string GenerationType = "Generation Type";
    private const string Capacity = "Capacity (MW)";
    private const string SummerCapacity = "Summer Capacity (MW)";
    private const string WinterCapacity = "Winter Capacity (MW)";
    private const string QueueDate = "Queue Date";
    private const string Status = "Status";
    private const string ProposedCompletionDate = "Proposed Completion Date";
    private const string WithdrawnDate = "Withdrawn Date";
    private const string ActualCompletionDate = "Actual Completion Date";

    public static IReadOnlyList<ColumnSpec> Specs { get; } =
    [
        new(QueueId, true, "queue_id", "Queue Number", "Queue Position"),
        new(ProjectName, true, "project_name"),
        new(County, true),
        new(State, true),
        new(GenerationType, true, "generation_type", "Fuel", "Fuel Type"),
        new(Capacity, true, "capacity_mw", "Capacity"),
        new(SummerCapacity, false, "summer_capacity_mw"),
        new(WinterCapacity, false, "winter_capacity_mw"),
        new(QueueDate, true, "queue_date"),
        new(Status, true),
        new(ProposedCompletionDate, true, "proposed_completion_date", "Proposed COD"),
        new(WithdrawnDate, false, "withdrawn_date", "Withdrawal Date"),
        new(ActualCompletionDate, false, "actual_completion_date"),
    ];

    /// <summary>Every readable row; rows that cannot be read go to <paramref name="quarantine"/>.</summary>
    /// <exception cref="SourceException">The file is empty, an HTML page, or lacks a required column (named in the message).</exception>
    public static IEnumerable<QueueProject> Read(Stream content, FetchedFile file, string region, Action<QuarantineRecord> quarantine, SourceLimitsOptions? limits = null)
    {
        CsvInput.RejectIfNotCsv(content, file);
        var options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true, AllowLineBreaksInQuotes = true };
        var csv = CsvInput.Open(content, file.Source, file.FileName, options, limits);
        try
        {
            var map = FindColumns(csv.Headers, file);
            return ReadRows(csv, map, file, QueueRegions.Canonical(region), quarantine, limits);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    private static IEnumerable<QueueProject> ReadRows(CsvReader csv, Columns columns, FetchedFile file, string region, Action<QuarantineRecord> quarantine, SourceLimitsOptions? limits)
    {
        using var reader = csv;
        var map = columns.Map;
        string Name(string spec) => columns.Headers[map[spec]];
        string Text(string spec) => map.Has(spec) ? csv.GetString(map[spec]) : "";
        while (CsvInput.Read(csv, file.Source, file.FileName, limits))
        {
            var line = csv.LineNumber;
            var fields = new QueueFields();
            var id = fields.Id(Name(QueueId), Text(QueueId));
            var status = fields.Status(Name(Status), Text(Status));
            var capacity = CapacityMw(fields, columns, Text);
            var queueDate = fields.Date(Name(QueueDate), null, Text(QueueDate));
            var proposed = fields.Date(Name(ProposedCompletionDate), null, Text(ProposedCompletionDate));
            var withdrawn = map.Has(WithdrawnDate) ? fields.Date(Name(WithdrawnDate), null, Text(WithdrawnDate)) : null;
            var completed = map.Has(ActualCompletionDate) ? fields.Date(Name(ActualCompletionDate), null, Text(ActualCompletionDate)) : null;
            if (fields.Reason is { } reason)
            {
                quarantine(new QuarantineRecord(file.Source, file.FileName, file.RawPath, line, reason, CsvInput.Excerpt(csv)));
                continue;
            }

            var type = QueueText.Value(Text(GenerationType));
            yield return new QueueProject(
                region,
                id,
                QueueText.Value(Text(ProjectName)),
                QueueText.Value(Text(State)),
                QueueText.Value(Text(County)),
                type,
                GenerationTypes.Classify(type),
                capacity,
                StorageMw(type, capacity),
                null,
                null,
                queueDate,
                proposed,
                status.Status,
                region,
                FormatName,
                file.FileName,
                new QueueRowLocation(line))
            {
                StatusRaw = status.Raw,
                WithdrawnDate = withdrawn,
                ActualCompletion = completed,
            };
        }
    }

    /// <summary>Capacity (MW), or where it is blank the summer, then the winter capacity: some ISOs fill only those.</summary>
    private static double CapacityMw(QueueFields fields, Columns columns, Func<string, string> text)
    {
        var spec = QueueText.Value(text(Capacity)).Length > 0 ? Capacity
            : new[] { SummerCapacity, WinterCapacity }.FirstOrDefault(s => QueueText.Value(text(s)).Length > 0) ?? Capacity;
        return fields.Capacity(columns.Headers[columns.Map[spec]], null, text(spec));
    }

    /// <summary>
    /// A storage-only request's capacity is its storage; a single other technology has none; a
    /// hybrid with storage does not say how its capacity splits, so its storage is unknown (null).
    /// </summary>
    private static double? StorageMw(string type, double capacity)
    {
        var components = GenerationTypes.Components(type);
        var storage = components.Count(GenerationTypes.IsStorage);
        return storage == 0 ? 0
            : storage == components.Count ? capacity
            : null;
    }

    private static Columns FindColumns(IReadOnlyList<string> headers, FetchedFile file)
    {
        if (headers.Count == 0)
        {
            throw new SourceException(file.Source, file.FileName, "the file has no header row.");
        }

        var map = ColumnMap.TryCreate(headers, Specs, out var missing)
            ?? throw new SourceException(file.Source, file.FileName, ColumnMap.MissingMessage(missing));
        return new Columns(map, headers);
    }

    private sealed record Columns(ColumnMap Map, IReadOnlyList<string> Headers);
}
