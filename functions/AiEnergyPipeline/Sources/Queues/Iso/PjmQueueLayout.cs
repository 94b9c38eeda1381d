using AiEnergyPipeline.Sources.Ember;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// PJM's queue workbook (the export of its interconnection queues page): one sheet, one row per
/// project, every project ever queued with its fate in Status (Active, Withdrawn, In Service,
/// Suspended, Deactivated: built then retired, Partially in Service - Under Construction, ...).
/// The id column was "Queue Number" and is now "Project ID"; the capacity is the maximum facility
/// output (MFO), else MW Energy.
/// </summary>
public static class PjmQueueLayout
{
    public static IsoQueueLayout Layout { get; } = new(
        "PJM",
        "pjm",
        [
            new(IsoField.QueueId, true, "Project ID", "Queue Number", "Queue ID", "Queue"),
            new(IsoField.ProjectName, true, "Name", "Project Name", "Commercial Name"),
            new(IsoField.State, true, "State"),
            new(IsoField.County, true, "County"),
            new(IsoField.Status, true, "Status"),
            new(IsoField.Type1, true, "Fuel", "Fuel Type"),
            new(IsoField.Capacity, true, "MFO", "Maximum Facility Output", "MFO (MW)", "MW Energy"),
            new(IsoField.Capacity2, false, "MW Energy", "MW Capacity"),
            new(IsoField.QueueDate, true, "Submitted Date", "Queue Date"),
            new(IsoField.ProposedDate, false, "Revised In Service Date"),
            new(IsoField.ProposedDate2, false, "Projected In Service Date", "Proposed In Service Date"),
            new(IsoField.WithdrawnDate, false, "Withdrawal Date", "Withdrawn Date"),
            new(IsoField.CompletionDate, false, "Actual In Service Date"),
        ],
        IsoQueueLayout.SheetOrColumn);
}
