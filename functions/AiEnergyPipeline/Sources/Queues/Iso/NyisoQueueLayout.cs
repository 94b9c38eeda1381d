using AiEnergyPipeline.Sources.Ember;
using System.Globalization;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// NYISO's queue workbook: the active queue ("Interconnection Queue"), the cluster study projects,
/// "Withdrawn" and "In Service" sheets (the last with its header split over two rows). Status is a
/// number in column S, explained by a legend ("11" is IA Completed, "14" In Service Commercial);
/// status_raw keeps the number with the legend's words. Types are codes (S, ES, W, CC). The
/// capacity is the summer (SP) MW, else the winter (WP) MW.
/// </summary>
public static class NyisoQueueLayout
{
    /// <summary>NYISO's status legend.</summary>
    private static readonly Dictionary<int, (string Words, string Status)> Codes = new()
    {
        [0] = ("Withdrawn", QueueStatuses.Withdrawn),
        [1] = ("Scoping Meeting Pending", QueueStatuses.Active),
        [2] = ("FES Pending", QueueStatuses.Active),
        [3] = ("FES in Progress", QueueStatuses.Active),
        [4] = ("SRIS/SIS Pending", QueueStatuses.Active),
        [5] = ("SRIS/SIS in Progress", QueueStatuses.Active),
        [6] = ("SRIS/SIS Approved", QueueStatuses.Active),
        [7] = ("FS Pending", QueueStatuses.Active),
        [8] = ("Rejected Cost Allocation/Next FS Pending", QueueStatuses.Active),
        [9] = ("FS in Progress", QueueStatuses.Active),
        [10] = ("Accepted Cost Allocation/IA in Progress", QueueStatuses.Active),
        [11] = ("IA Completed", QueueStatuses.Active),
        [12] = ("Under Construction", QueueStatuses.Active),
        [13] = ("In Service for Test", QueueStatuses.Active),
        [14] = ("In Service Commercial", QueueStatuses.Operational),
        [15] = ("Partial In-Service", QueueStatuses.Active),
    };

    private static readonly Dictionary<string, string> TypeCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["S"] = "Solar", ["ES"] = "Energy Storage", ["W"] = "Wind", ["OSW"] = "Offshore Wind", ["CT"] = "Gas Combustion Turbine",
        ["CC"] = "Gas Combined Cycle", ["NG"] = "Natural Gas", ["M"] = "Methane", ["H"] = "Hydro", ["ST"] = "Steam Turbine",
        ["FC"] = "Fuel Cell", ["PS"] = "Pumped Storage", ["NU"] = "Nuclear", ["D"] = "Dual Fuel", ["Wo"] = "Wood",
        ["F"] = "Flywheel", ["SW"] = "Solid Waste", ["AC"] = "AC Transmission", ["DC"] = "DC Transmission", ["L"] = "Load",
        ["CC-NG"] = "Gas Combined Cycle", ["CT-NG"] = "Gas Combustion Turbine", ["ST-NG"] = "Gas Steam Turbine", ["CC-D"] = "Gas Combined Cycle",
        ["CT-D"] = "Gas Combustion Turbine", ["CR"] = "Energy Storage + Solar",
    };

    public static IsoQueueLayout Layout { get; } = new(
        "NYISO",
        "nyiso",
        [
            new(IsoField.QueueId, true, "Queue Pos.", "Queue Pos", "Queue Position", "Pos."),
            new(IsoField.ProjectName, true, "Project Name"),
            new(IsoField.State, true, "State"),
            new(IsoField.County, true, "County"),
            new(IsoField.Status, false, "S", "Status"),
            new(IsoField.Type1, true, "Type/ Fuel", "Type/Fuel", "Fuel", "Type"),
            new(IsoField.Capacity, true, "SP (MW)", "SP", "WP (MW)"),
            new(IsoField.Capacity2, false, "WP (MW)", "WP"),
            new(IsoField.QueueDate, true, "Date of IR", "IR Date"),
            new(IsoField.ProposedDate, false, "Proposed COD", "COD"),
            new(IsoField.ProposedDate2, false, "Proposed In-Service Date", "Proposed In-Service"),
        ],
        Status)
    {
        TypeWords = code => TypeCodes.TryGetValue(code, out var words) ? words : code,
    };

    private static (string Status, string Raw) Status(IsoRow row, string sheet)
    {
        var cell = row.Text(IsoField.Status);
        var words = int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) && Codes.TryGetValue(code, out var legend)
            ? (Raw: $"{code} {legend.Words}", Status: legend.Status)
            : (Raw: cell, Status: cell.Length > 0 ? QueueStatuses.NormaliseOrUnknown(cell) : QueueStatuses.Unknown);

        // The Withdrawn and In Service sheets state the fate; S there is the last status before it.
        if (IsoQueueLayout.SheetFate(sheet) is { } fate)
        {
            return (fate, words.Raw.Length > 0 ? $"{words.Raw} ({sheet})" : sheet);
        }

        // Cluster study projects without a status code are in the cluster study, which is active.
        if (cell.Length == 0 && sheet.Contains("cluster", StringComparison.OrdinalIgnoreCase))
        {
            return (QueueStatuses.Active, sheet);
        }

        return (words.Status, words.Raw);
    }
}
