using AiEnergyPipeline.Sources.Ember;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// CAISO's public queue report workbook: the active queue ("Grid GenerationQueue"), "Completed
/// Generation Projects" and "Withdrawn Generation Projects", each with title rows above a header
/// whose cells hold line breaks ("Interconnection Request\nReceive Date") and a legend below the
/// data. A project's technologies are Fuel-1..3 (Type-1..3 in older reports), its capacity the net
/// MW to the grid. The sheet states the fate of completed and withdrawn projects.
/// </summary>
public static class CaisoQueueLayout
{
    public static IsoQueueLayout Layout { get; } = new(
        "CAISO",
        "caiso",
        [
            new(IsoField.QueueId, true, "Queue Position", "Queue Pos", "Queue Number"),
            new(IsoField.ProjectName, true, "Project Name", "Project Name - Confidential"),
            new(IsoField.State, true, "State"),
            new(IsoField.County, true, "County"),
            new(IsoField.Status, false, "Application Status"),
            new(IsoField.Type1, true, "Fuel-1", "Type-1"),
            new(IsoField.Type2, false, "Fuel-2", "Type-2"),
            new(IsoField.Type3, false, "Fuel-3", "Type-3"),
            new(IsoField.Capacity, true, "Net MWs to Grid", "Net MW to Grid", "MW-1"),
            new(IsoField.Capacity2, false, "MW-1"),
            new(IsoField.QueueDate, true, "Queue Date"),
            new(IsoField.QueueDate2, false, "Interconnection Request Receive Date"),
            new(IsoField.ProposedDate, false, "Current On-line Date", "Current COD"),
            new(IsoField.ProposedDate2, false, "Proposed On-line Date (as filed with IR)", "Proposed On-line Date"),
            new(IsoField.WithdrawnDate, false, "Withdrawn Date", "Withdrawal Date"),
            new(IsoField.CompletionDate, false, "Actual On-line Date", "Actual COD"),
        ],
        IsoQueueLayout.SheetOrColumn);
}
