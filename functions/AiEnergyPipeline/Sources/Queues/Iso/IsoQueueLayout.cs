using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// How one ISO lays out its queue: the columns (by <see cref="IsoField"/>, with every header the ISO
/// has used), which sheets hold projects, and how a row's status is read. The reader
/// (<see cref="IsoQueueReader"/>) is the same for every ISO.
/// </summary>
/// <param name="Region">The queue's region, as queue_projects spells it (PJM, CAISO, ...).</param>
/// <param name="FormatName">The setting's format name and queue_projects.source_format (pjm, caiso, ...).</param>
/// <param name="Specs">The columns; names are <see cref="IsoField"/> constants. Required ones must be in a sheet's header for it to be read.</param>
/// <param name="Status">The status and status_raw of a row, given the sheet it is in.</param>
public sealed record IsoQueueLayout(
    string Region,
    string FormatName,
    IReadOnlyList<ColumnSpec> Specs,
    Func<IsoRow, string, (string Status, string Raw)> Status)
{
    /// <summary>The state of a project whose ISO gives none (ERCOT is all Texas); null to read the state column.</summary>
    public string? FixedState { get; init; }

    /// <summary>Turns the ISO's type words or codes into words the generation type rules know (NYISO writes S, ES, CC).</summary>
    public Func<string, string> TypeWords { get; init; } = t => t;

    /// <summary>Whether a row is a generator request at all (ISO-NE lists transmission requests too); default: every row.</summary>
    public Func<IsoRow, bool> Includes { get; init; } = _ => true;

    /// <summary>The generation type of a row; default: its technologies (type_1..type_3) joined with " + ", as a hybrid's.</summary>
    public Func<IsoRow, string>? TypeOf { get; init; }

    private static readonly string[] TypeFields = [IsoField.Type1, IsoField.Type2, IsoField.Type3];

    public string GenerationType(IsoRow row) =>
        TypeOf?.Invoke(row) ?? string.Join(" + ", TypeFields.Select(row.Text).Where(t => t.Length > 0).Select(TypeWords));

    /// <summary>
    /// The usual status rule: a sheet that holds only withdrawn or completed projects says their
    /// fate (its name is kept in status_raw with the row's words); elsewhere the status column's
    /// words are read, and a word no rule knows is unknown.
    /// </summary>
    public static (string Status, string Raw) SheetOrColumn(IsoRow row, string sheet)
    {
        var words = row.Text(IsoField.Status);
        var fate = SheetFate(sheet);
        if (fate is not null)
        {
            return (fate, words.Length > 0 ? $"{words} ({sheet})" : sheet);
        }

        return (words.Length > 0 ? QueueStatuses.NormaliseOrUnknown(words) : QueueStatuses.Unknown, words);
    }

    /// <summary>One technology as "first - second" (SPP's generation and fuel type, MISO's fuel and facility type), a word said twice once.</summary>
    public static string FuelAndTechnology(IsoRow row) =>
        string.Join(" - ", new[] { row.Text(IsoField.Type1), row.Text(IsoField.Type2) }.Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));

    /// <summary>The fate a sheet's name states, or null for a sheet of projects still in the queue.</summary>
    public static string? SheetFate(string sheet)
    {
        var name = ColumnMap.Normalise(sheet);
        return name.Contains("withdrawn", StringComparison.Ordinal) || name.Contains("cancel", StringComparison.Ordinal) ? QueueStatuses.Withdrawn
            : name.Contains("inservice", StringComparison.Ordinal) || name.Contains("completed", StringComparison.Ordinal) ? QueueStatuses.Operational
            : null;
    }
}
