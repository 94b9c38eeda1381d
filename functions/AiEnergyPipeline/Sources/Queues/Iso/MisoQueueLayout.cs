using AiEnergyPipeline.Sources.Ember;

namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// MISO's generator interconnection queue as its queue API answers it: a JSON array with one object
/// per request, every fate in applicationStatus (Active, Withdrawn, Done: in service), with the
/// dates the request was withdrawn or done. The capacity is the summer net MW.
/// </summary>
public static class MisoQueueLayout
{
    public static IsoQueueLayout Layout { get; } = new(
        "MISO",
        "miso",
        [
            new(IsoField.QueueId, true, "projectNumber", "Project #", "Project Number"),
            // The API gives no project name (poiName is where the project connects, not its name).
            new(IsoField.ProjectName, false, "projectName", "Project Name"),
            new(IsoField.State, true, "state"),
            new(IsoField.County, true, "county"),
            new(IsoField.Status, true, "applicationStatus", "Request Status", "Status"),
            new(IsoField.Type1, true, "fuelType", "Fuel Type", "Fuel"),
            new(IsoField.Type2, false, "facilityType", "Facility Type"),
            new(IsoField.Capacity, true, "summerNetMW", "Summer Net MW", "netMW"),
            new(IsoField.Capacity2, false, "winterNetMW", "Winter Net MW"),
            new(IsoField.QueueDate, true, "queueDate", "Queue Date"),
            new(IsoField.ProposedDate, false, "inService", "negInService", "Proposed In-Service Date"),
            new(IsoField.WithdrawnDate, false, "withdrawnDate", "Withdrawn Date"),
            new(IsoField.CompletionDate, false, "doneDate", "Done Date"),
        ],
        IsoQueueLayout.SheetOrColumn)
    {
        // "Gas - Combined Cycle": the facility type says which gas technology it is.
        TypeOf = IsoQueueLayout.FuelAndTechnology,
    };
}
