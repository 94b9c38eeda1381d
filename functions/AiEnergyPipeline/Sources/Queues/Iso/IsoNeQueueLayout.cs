using AiEnergyPipeline.Sources.Ember;
using AiEnergyPipeline.Tabular;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// ISO-NE's public interconnection request queue, as its IRTT report exports it (.xlsx): one sheet
/// below a banner of title rows, generator (G), elective transmission (E) and transmission service
/// (T) requests together; only generator requests are projects here. Phases of one project share a
/// queue position ("533" twice, its names ending "Phase I" and "Phase II"): the phase is in the key.
/// Project Status says Under Study, Under Construction, Partially in Service, In Service,
/// Suspended or Withdrawn; where it is blank a withdrawal date says the request was withdrawn.
/// </summary>
public static class IsoNeQueueLayout
{
    private const string RequestType = "request_type";

    public static IsoQueueLayout Layout { get; } = new(
        "ISO-NE",
        "isone",
        [
            new(IsoField.QueueId, true, "Position", "Queue Position"),
            new(IsoField.ProjectName, true, "Alternative Name", "Project Name"),
            new(RequestType, false, "Type"),
            new(IsoField.State, true, "State", "ST"),
            new(IsoField.County, true, "County"),
            new(IsoField.Status, false, "Project Status", "Status"),
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
        if (row.Text(IsoField.Status).Length == 0 && row.Text(IsoField.WithdrawnDate).Length > 0)
        {
            return (QueueStatuses.Withdrawn, "W/D Date given");
        }

        return IsoQueueLayout.SheetOrColumn(row, sheet);
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
