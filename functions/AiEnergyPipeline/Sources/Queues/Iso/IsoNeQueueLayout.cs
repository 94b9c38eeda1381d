using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// ISO-NE's public interconnection request queue, as its IRTT report shows it: the HTML page's
/// table "publicqueue" (the default download) or the page's .xlsx export below a banner of title
/// rows. Generator (G), elective transmission upgrade (ETU, the export's E) and transmission
/// service (TS, T) requests together; only generator requests are projects here. Phases of one
/// project share a queue position ("533" twice, its names ending "Phase I" and "Phase II"): the
/// phase is in the key. The page names the position "QP" (the export "Position"), writes the state
/// as "ST", and has the column "SIS" twice (a date, then a study's state): neither SIS is read, and
/// the first of two same-named columns is the one a header maps.
/// </summary>
/// <remarks>
/// Status: the page's one-letter Status says the request's fate (A active, W withdrawn, C
/// commercial: in service), Project Status the detail (Under Study, Under Construction, Partially
/// in Service, In Service, Suspended). The letter decides, except that an active request whose
/// Project Status says Suspended is suspended; status_raw keeps both, "Under Construction (A)", or
/// the letter alone where Project Status is blank. The words Active, Withdrawn and Commercial are
/// read as their letters; another letter is read from Project Status's words, else unknown. Without
/// a Status column (the export) Project Status is read as words, and where it is blank a withdrawal
/// date says the request was withdrawn.
/// </remarks>
public static class IsoNeQueueLayout
{
    private const string RequestType = "request_type";

    // Not IsoField.Status: that name would match the page's "Status" letter before "Project Status".
    private const string ProjectStatus = "project_status";
    private const string StatusCode = "status_code";

    public static IsoQueueLayout Layout { get; } = new(
        "ISO-NE",
        "isone",
        [
            new(IsoField.QueueId, true, "QP", "Position", "Queue Position"),
            new(IsoField.ProjectName, true, "Alternative Name", "Project Name"),
            new(RequestType, false, "Type"),
            new(IsoField.State, true, "ST", "State"),
            new(IsoField.County, true, "County"),
            new(ProjectStatus, false, "Project Status"),
            new(StatusCode, false, "Status"),
            new(IsoField.Type1, true, "Fuel Type", "Fuel"),
            new(IsoField.Type2, false, "Unit", "Unit Type"),
            new(IsoField.Capacity, true, "Net MW", "Summer MW"),
            new(IsoField.Capacity2, false, "Summer MW", "Winter MW"),
            new(IsoField.QueueDate, true, "Requested", "Request Date"),
            new(IsoField.ProposedDate, false, "Op Date", "Commercial Operation Date"),
            new(IsoField.ProposedDate2, false, "Sync Date"),
            new(IsoField.WithdrawnDate, false, "W/ D Date", "W/D Date", "Withdrawn Date"),
        ],
        Status)
    {
        // One technology, its fuel then its unit ("Wind - Wind Turbine"), as the codes say it.
        TypeOf = row => string.Join(" - ", new[] { Words(row.Text(IsoField.Type1)), Words(row.Text(IsoField.Type2)) }.Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)),
        Includes = row => !row.Has(RequestType) || row.Text(RequestType).Length == 0 || ColumnMap.Normalise(row.Text(RequestType)) == "g",
    };

    private static (string Status, string Raw) Status(IsoRow row, string sheet)
    {
        var words = row.Text(ProjectStatus);
        var code = row.Text(StatusCode);
        if (code.Length > 0)
        {
            var raw = words.Length > 0 ? $"{words} ({code})" : code;
            // The letter, or the word it stands for (gridstatus describes the column as Active, Withdrawn, Commercial).
            return (ColumnMap.Normalise(code) switch
            {
                "a" or "active" => QueueStatuses.Normalise(words) == QueueStatuses.Suspended ? QueueStatuses.Suspended : QueueStatuses.Active,
                "w" or "withdrawn" => QueueStatuses.Withdrawn,
                "c" or "commercial" => QueueStatuses.Operational,
                // A letter the page's legend did not have, or a Status in words: the words say what they can.
                _ => QueueStatuses.Normalise(words) ?? QueueStatuses.NormaliseOrUnknown(code),
            }, raw);
        }

        if (words.Length == 0 && row.Text(IsoField.WithdrawnDate).Length > 0)
        {
            return (QueueStatuses.Withdrawn, "W/D Date given");
        }

        var fate = IsoQueueLayout.SheetFate(sheet);
        return fate is not null ? (fate, words.Length > 0 ? $"{words} ({sheet})" : sheet)
            : (words.Length > 0 ? QueueStatuses.NormaliseOrUnknown(words) : QueueStatuses.Unknown, words);
    }

    /// <summary>ISO-NE's fuel and unit codes, as words the generation type rules know.</summary>
    private static string Words(string code) => code.ToUpperInvariant() switch
    {
        "WND" => "Wind",
        "SUN" => "Solar",
        "BAT" => "Battery",
        "NG" or "GAS" => "Natural Gas",
        "WAT" => "Hydro",
        "DFO" or "KER" or "JF" => "Oil",
        "WDS" => "Wood",
        "LFG" => "Landfill Gas",
        "NUC" => "Nuclear",
        "PV" => "Photovoltaic",
        "WT" => "Wind Turbine",
        "CC" => "Combined Cycle",
        "CT" or "GT" => "Combustion Turbine",
        "ST" => "Steam Turbine",
        "HY" => "Hydro",
        "ES" => "Energy Storage",
        _ => code,
    };
}
