namespace AiEnergyPipeline.Sources.Queues.Iso;

/// <summary>
/// The fields an ISO layout maps its columns to. Each layout names, per field, the headers the
/// ISO has used; the reader works with these names only, so a renamed column is one alias more.
/// A name is matched as a header too (state, county, status): the technology fields are named so
/// that they never match CAISO's "Type-1", which must not win over its "Fuel-1".
/// </summary>
public static class IsoField
{
    public const string QueueId = "queue_id";
    public const string ProjectName = "project_name";
    public const string State = "state";
    public const string County = "county";
    public const string Type1 = "technology_1";
    public const string Type2 = "technology_2";
    public const string Type3 = "technology_3";
    public const string Capacity = "capacity_mw";
    public const string Capacity2 = "capacity_mw_fallback";
    public const string QueueDate = "queue_date";
    public const string QueueDate2 = "queue_date_fallback";
    public const string ProposedDate = "proposed_completion_date";
    public const string ProposedDate2 = "proposed_completion_date_fallback";
    public const string Status = "status";
    public const string WithdrawnDate = "withdrawn_date";
    public const string CompletionDate = "actual_completion_date";
    public const string Phase = "phase";
}
