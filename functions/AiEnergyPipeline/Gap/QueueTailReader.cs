using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Tables;
using CsvHelper;
using System.Globalization;

namespace AiEnergyPipeline.Gap;

/// <summary>
/// Reads what the queue supply tail needs from a run's queue_projects and queue_completion_rates,
/// a row at a time: only active projects with a proposed completion date are kept, so memory holds
/// the candidates, not the table. The LBNL rows of a queue also read from its ISO's own file are
/// dropped, as queue_completion_rates drops them: the two name the same requests with different ids.
/// </summary>
public static class QueueTailReader
{
    /// <summary>The tables the tail reads: a recompute with the tail on downloads them.</summary>
    public static IReadOnlyList<string> Tables { get; } = [Schemas.QueueProjects.Name, Schemas.QueueCompletionRates.Name];

    /// <summary>From the run's staged tables (an ingest).</summary>
    public static QueueTailInputs Read(IReadOnlyList<StagedTable> tables)
    {
        string? PathOf(TableSchema schema) => tables.FirstOrDefault(t => t.Schema.Name == schema.Name && t.IsTable && t.LocalPath.Length > 0)?.LocalPath;
        return Read(PathOf(Schemas.QueueProjects), PathOf(Schemas.QueueCompletionRates));
    }

    /// <param name="projectsPath">queue_projects.csv, or null when the run has none.</param>
    /// <param name="ratesPath">queue_completion_rates.csv, or null when the run has none.</param>
    /// <exception cref="GapException">A value does not parse: a bug or a changed schema.</exception>
    public static QueueTailInputs Read(string? projectsPath, string? ratesPath)
    {
        if (projectsPath is null || ratesPath is null || !File.Exists(projectsPath) || !File.Exists(ratesPath))
        {
            return QueueTailInputs.Without($"the run published no {(projectsPath is null || !File.Exists(projectsPath) ? Schemas.QueueProjects.Name : Schemas.QueueCompletionRates.Name)}");
        }

        var incomplete = new SortedSet<string>(StringComparer.Ordinal);
        var fromIsoFiles = new HashSet<string>(StringComparer.Ordinal);
        var active = new List<(QueueTailProject Project, bool Lbnl)>();
        ForEachRow(projectsPath, Schemas.QueueProjects.Name, row =>
        {
            var region = row("region");
            var lbnl = row("source_format") == LbnlQueueWorkbook.FormatName;
            if (!lbnl)
            {
                fromIsoFiles.Add(region);
            }

            if (string.Equals(row("complete"), "false", StringComparison.OrdinalIgnoreCase))
            {
                incomplete.Add(region);
            }

            if (row("status") != QueueStatuses.Active || YearOf(row("proposed_completion_date")) is not { } proposed)
            {
                return;
            }

            var cohort = YearOf(row("queue_date")) is { } entered ? entered.ToString(CultureInfo.InvariantCulture) : "unknown";
            var capacity = Number(row("capacity_mw"), "queue_projects capacity_mw") ?? 0;
            active.Add((new QueueTailProject(region, row("state"), row("accreditation_class"), capacity, proposed, cohort, FurtherComponents(row)), lbnl));
        }, FurtherColumns);

        var rates = new List<QueueTailRate>();
        ForEachRow(ratesPath, Schemas.QueueCompletionRates.Name, row => rates.Add(new QueueTailRate(
            row("region"),
            row("generation_type"),
            row("entry_cohort"),
            (long)(Number(row("completed_count"), "completed_count") ?? 0),
            Number(row("completed_mw"), "completed_mw") ?? 0,
            (long)(Number(row("withdrawn_count"), "withdrawn_count") ?? 0),
            Number(row("withdrawn_mw"), "withdrawn_mw") ?? 0,
            Number(row("completion_rate"), "completion_rate"))), []);

        var projects = active.Where(p => !p.Lbnl || !fromIsoFiles.Contains(p.Project.Region)).Select(p => p.Project).ToList();
        return new QueueTailInputs(projects, rates, [.. incomplete]);
    }

    /// <summary>
    /// A hybrid's second and third technologies where queue_projects gives their capacity, each of
    /// the class queue_projects gives it (component_2_class, component_3_class). A run published
    /// before those columns is classed from the generation type's components in the same order
    /// (LBNL's type_clean "Solar+Battery" has mw1 for Solar, mw2 for Battery), <c>unknown</c> where
    /// the type names fewer.
    /// </summary>
    private static List<QueueTailComponent>? FurtherComponents(Func<string, string> row)
    {
        List<QueueTailComponent>? further = null;
        IReadOnlyList<string>? types = null;
        for (var i = 0; i < ComponentColumns.Length; i++)
        {
            if (Number(row(ComponentColumns[i]), $"queue_projects {ComponentColumns[i]}") is > 0 and var mw)
            {
                var type = row(ClassColumns[i]);
                if (type.Length == 0)
                {
                    // component_2_mw is the type's second component, component_3_mw its third
                    types ??= GenerationTypes.Components(row(GenerationTypeColumn));
                    type = i + 1 < types.Count ? GenerationTypes.ClassifyComponent(types[i + 1]) : GenerationTypes.Unknown;
                }

                (further ??= []).Add(new QueueTailComponent(type, mw));
            }
        }

        return further;
    }

    private const string GenerationTypeColumn = "generation_type";
    private static readonly string[] ComponentColumns = ["component_2_mw", "component_3_mw"];
    private static readonly string[] ClassColumns = ["component_2_class", "component_3_class"];

    /// <summary>Columns a run published before hybrids were split, or before their classes were given, may lack: read as empty.</summary>
    private static readonly string[] FurtherColumns = [GenerationTypeColumn, .. ComponentColumns, .. ClassColumns];

    private static void ForEachRow(string path, string table, Action<Func<string, string>> each, string[] optional)
    {
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { Separator = ',' }, leaveOpen: true);
        var columns = csv.Headers.Select((h, i) => (h, i)).ToDictionary(p => p.h.Trim(), p => p.i, StringComparer.Ordinal);
        string Field(string name) => columns.TryGetValue(name, out var i)
            ? (i < csv.FieldCount ? csv.GetString(i).Trim() : "")
            : optional.Contains(name) ? "" : throw new GapException($"{table}: the column '{name}' is missing.");

        while (csv.Read())
        {
            each(Field);
        }
    }

    /// <summary>The year of an ISO 8601 date (yyyy-MM-dd), or null when empty.</summary>
    private static int? YearOf(string date) =>
        date.Length >= 4 && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;

    private static double? Number(string text, string column) =>
        text.Length == 0 ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : throw new GapException($"{column}: '{text}' is not a number.");
}
