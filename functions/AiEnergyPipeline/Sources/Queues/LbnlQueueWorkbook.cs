using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// Reads the LBNL "Queued Up" workbook. The data sheet is found, not named: its name has changed
/// between editions ("active", "data", "03. Complete Queue Data") and notes sheets come first, so
/// every sheet is tried, in order, and the first whose header (below any title rows) has the
/// queue columns is read. Columns are found by name: the 2025 edition renamed mw1 to mw_1 and
/// type1 to type_1, which the header folding absorbs.
/// </summary>
public static class LbnlQueueWorkbook
{
    public const string FormatName = "lbnl";

    private const string QId = "q_id";
    private const string QStatus = "q_status";
    private const string QDate = "q_date";
    private const string PropDate = "prop_date";
    private const string WdDate = "wd_date";
    private const string OnDate = "on_date";
    private const string ProjectName = "project_name";
    private const string Entity = "entity";
    private const string Region = "region";
    private const string State = "state";
    private const string County = "county_1";
    private const string TypeClean = "type_clean";
    private static readonly string[] Mw = ["mw1", "mw2", "mw3"];
    private static readonly string[] Types = ["type1", "type2", "type3"];

    public static IReadOnlyList<ColumnSpec> Specs { get; } =
    [
        new(QId, true, "queue_id", "queue id"),
        new(QStatus, true, "queue_status", "status"),
        new(QDate, true, "queue_date"),
        new(PropDate, true, "proposed_date", "proposed_online_date", "prop_online_date"),
        new(WdDate, false, "withdrawn_date", "withdrawal_date"),
        new(OnDate, false, "online_date", "operation_date"),
        new(ProjectName, true, "name"),
        new(Entity, true, "queue_entity"),
        new(Region, true),
        new(State, true),
        new(County, true, "county"),
        new(TypeClean, true, "type"),
        new(Mw[0], true, "capacity_mw"),
        new(Mw[1], false),
        new(Mw[2], false),
        new(Types[0], false),
        new(Types[1], false),
        new(Types[2], false),
    ];

    /// <summary>Every readable row of the data sheet; rows that cannot be read go to <paramref name="quarantine"/>.</summary>
    /// <param name="sheet">The data sheet's name, or null to find it by its header.</param>
    /// <param name="limits">What the workbook may hold (defaults when null): past a limit the file fails, in bounded time and memory.</param>
    /// <exception cref="SourceException">The file is not a workbook, no sheet has the queue columns (the message names those missing), or it goes past a limit.</exception>
    public static IEnumerable<QueueProject> Read(FetchedFile file, string? sheet, Action<QuarantineRecord> quarantine, SourceLimitsOptions? limits = null)
    {
        limits ??= new SourceLimitsOptions();
        QueueWorkbookFile.RejectIfNotXlsx(file, limits);
        var data = QueueWorkbookFile.Guarded(file, () => FindDataSheet(file, sheet, limits));
        return ReadRows(file, data, quarantine);
    }

    private static IEnumerable<QueueProject> ReadRows(FetchedFile file, DataSheet data, Action<QuarantineRecord> quarantine)
    {
        using var rows = data.Rows;
        var headers = data.Headers;
        var map = data.Map;
        string Name(string spec) => headers[map[spec]] ?? spec;
        while (QueueWorkbookFile.Guarded(file, rows.MoveNext))
        {
            var row = rows.Current;
            var location = new QueueRowLocation(row.Number, data.Name);
            var fields = new QueueFields();
            var id = fields.Id(Name(QId), row.Text(map[QId]));
            var entity = QueueText.Value(row.Text(map[Entity]));
            var marketRegion = QueueText.Value(row.Text(map[Region]));
            if (entity.Length == 0 && marketRegion.Length == 0)
            {
                fields.Fail($"'{Name(Entity)}' and '{Name(Region)}' are empty");
            }

            var status = fields.Status(Name(QStatus), row.Text(map[QStatus]));
            var mw = new double?[3];
            mw[0] = fields.Capacity(Name(Mw[0]), row.Value(map[Mw[0]]), row.Text(map[Mw[0]]));
            for (var i = 1; i < 3; i++)
            {
                mw[i] = map.Has(Mw[i]) ? fields.OptionalCapacity(Name(Mw[i]), row.Value(map[Mw[i]]), row.Text(map[Mw[i]])) : null;
            }

            var queueDate = fields.Date(Name(QDate), row.Value(map[QDate]), row.Text(map[QDate]));
            var proposed = fields.Date(Name(PropDate), row.Value(map[PropDate]), row.Text(map[PropDate]));
            var withdrawn = map.Has(WdDate) ? fields.Date(Name(WdDate), row.Value(map[WdDate]), row.Text(map[WdDate])) : null;
            var online = map.Has(OnDate) ? fields.Date(Name(OnDate), row.Value(map[OnDate]), row.Text(map[OnDate])) : null;
            if (fields.Reason is { } reason)
            {
                quarantine(new QuarantineRecord(file.Source, file.FileName, file.RawPath, row.Number, location.ReasonPrefix + reason, Excerpt(row)));
                continue;
            }

            var type = QueueText.Value(row.Text(map[TypeClean]));
            var components = Components(row, map, type);
            yield return new QueueProject(
                QueueRegions.Canonical(entity.Length > 0 ? entity : marketRegion),
                id,
                QueueText.Value(row.Text(map[ProjectName])),
                QueueText.Value(row.Text(map[State])),
                QueueText.Value(row.Text(map[County])),
                type,
                components[0].Length > 0 ? GenerationTypes.ClassifyComponent(components[0]) : GenerationTypes.Classify(type),
                mw[0]!.Value,
                StorageMw(components, mw),
                mw[1],
                mw[2],
                queueDate,
                proposed,
                status.Status,
                marketRegion,
                FormatName,
                file.FileName,
                location)
            {
                StatusRaw = status.Raw,
                Component2Class = ComponentClass(components[1], mw[1]),
                Component3Class = ComponentClass(components[2], mw[2]),
                WithdrawnDate = withdrawn,
                ActualCompletion = online,
            };
        }
    }

    /// <summary>
    /// The technology of each of mw1, mw2, mw3: the type1..type3 columns where the workbook has
    /// them, else type_clean split at its "+" ("Solar+Battery": mw1 solar, mw2 battery).
    /// </summary>
    private static string[] Components(SheetRow row, ColumnMap map, string typeClean)
    {
        if (map.Has(Types[0]))
        {
            return Types.Select(t => map.Has(t) ? QueueText.Value(row.Text(map[t])) : "").ToArray();
        }

        var parts = GenerationTypes.Components(typeClean);
        return [.. Enumerable.Range(0, 3).Select(i => i < parts.Count ? parts[i] : "")];
    }

    /// <summary>A further technology's class where it has a capacity: from its own type column, unknown where none names it.</summary>
    private static string ComponentClass(string component, double? mw) =>
        mw is null ? "" : component.Length > 0 ? GenerationTypes.ClassifyComponent(component) : GenerationTypes.Unknown;

    /// <summary>The sum of the storage components' capacities; 0 when there is none; null when a storage component has no capacity.</summary>
    private static double? StorageMw(string[] components, double?[] mw)
    {
        double storage = 0;
        for (var i = 0; i < components.Length; i++)
        {
            if (components[i].Length > 0 && GenerationTypes.IsStorage(components[i]))
            {
                if (mw[i] is not { } value)
                {
                    return null;
                }

                storage += value;
            }
        }

        return storage;
    }

    private static DataSheet FindDataSheet(FetchedFile file, string? sheet, SourceLimitsOptions limits)
    {
        var names = sheet is null ? Workbook.SheetNames(file.LocalPath) : [sheet];
        (string Sheet, IReadOnlyList<string> Missing)? closest = null;
        foreach (var name in names)
        {
            var rows = Workbook.ReadSheet(file.LocalPath, name, limits).GetEnumerator();
            var (map, _, missing) = Workbook.FindHeader(rows, Specs);
            if (map is not null)
            {
                return new DataSheet(name, rows, map, rows.Current.Texts());
            }

            rows.Dispose();
            if (closest is null || missing.Count < closest.Value.Missing.Count)
            {
                closest = (name, missing);
            }
        }

        var detail = closest is { } c ? $"the closest, sheet '{c.Sheet}': {ColumnMap.MissingMessage(c.Missing)}" : "the workbook has no sheets.";
        throw new SourceException(file.Source, file.FileName, sheet is null
            ? $"no sheet has the queue columns ({string.Join(", ", Specs.Where(s => s.Required).Select(s => s.Name))}); {detail}"
            : $"sheet '{sheet}': {detail}");
    }

    private static string Excerpt(SheetRow row)
    {
        var text = string.Join(",", row.Texts().Take(12).Select(QueueText.Fold));
        return text.Length > 200 ? text[..200] : text;
    }

    private sealed record DataSheet(string Name, IEnumerator<SheetRow> Rows, ColumnMap Map, IReadOnlyList<string?> Headers);
}
