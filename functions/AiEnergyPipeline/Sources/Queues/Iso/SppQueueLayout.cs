using AiEnergyPipeline.Sources.Ember;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// SPP's generator interconnection request files (CSV from its OpsPortal): the summary of active
/// and withdrawn requests (GenerateSummaryCSV, status WITHDRAWN and a "Date Withdrawn" column), the
/// active requests alone (GenerateActiveCSV), or a file of withdrawn requests where one is
/// configured (a file whose name says withdrawn states its requests' fate). A "Last Updated On" line sits above the header. Requests have no
/// project name. Statuses are the study stage and the agreement's course: "IA FULLY
/// EXECUTED/COMMERCIAL OPERATION" is in service, ".../ON SUSPENSION" suspended, "None" a request
/// not yet in a study (active).
/// </summary>
public static class SppQueueLayout
{
    public static IsoQueueLayout Layout { get; } = new(
        "SPP",
        "spp",
        [
            new(IsoField.QueueId, true, "Generation Interconnection Number", "GI Number", "Request Number"),
            new(IsoField.ProjectName, false, "Project Name"),
            new(IsoField.State, true, "State"),
            new(IsoField.County, true, "Nearest Town or County", "County"),
            new(IsoField.Status, true, "Status"),
            new(IsoField.Type1, true, "Generation Type"),
            new(IsoField.Type2, false, "Fuel Type"),
            new(IsoField.Capacity, true, "Capacity", "Capacity (MW)", "MAX Summer MW"),
            new(IsoField.Capacity2, false, "MAX Summer MW", "MAX Winter MW"),
            new(IsoField.QueueDate, true, "Request Received", "Queue Date"),
            new(IsoField.ProposedDate, false, "Commercial Operation Date"),
            new(IsoField.ProposedDate2, false, "In-Service Date"),
            new(IsoField.WithdrawnDate, false, "Date Withdrawn", "Withdrawn Date", "Withdrawal Date"),
        ],
        Status)
    {
        TypeOf = IsoQueueLayout.FuelAndTechnology,
    };

    private static (string Status, string Raw) Status(IsoRow row, string sheet)
    {
        // "None" is a status here, not a missing value: the request is queued but in no study yet.
        if (row.Text(IsoField.Status).Length == 0 && IsoQueueLayout.SheetFate(sheet) is null)
        {
            return (QueueStatuses.Active, "None");
        }

        return IsoQueueLayout.SheetOrColumn(row, sheet);
    }
}
