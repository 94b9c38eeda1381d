using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tables;

public static partial class Schemas
{
    public static TableSchema QueueCompletionRates { get; } = new(
        "queue_completion_rates",
        "Interconnection queue completion rates",
        "How much of the queued capacity that has been resolved reached service, by queue, generation type and the year the requests entered the queue (LBNL's method in Queued Up: " +
        "completion_rate = completed MW / (completed MW + withdrawn MW); requests still active, suspended or of unknown status are not resolved and are counted apart). " +
        "Completed means in service or built then retired; withdrawn includes cancelled, terminated and retracted requests. " +
        "A queue read from its ISO's own file (or a gridstatus file) is measured from those files only and its LBNL rows are left out, so that no request is counted twice under two id forms. " +
        "Requests without a queue date are in the cohort 'unknown'. The cohorts closest to today have few resolved requests: read the counts before the rates. " +
        "Where a file of the queue failed in this run (complete false), the counts are of the files that were read (the LBNL workbook's rows, when none of the ISO's own files was read) and the rates are left empty: a queue without, say, its withdrawn requests would show a rate that is not its own.",
        [
            new("region", "string", "The queue (ISO or utility), as in queue_projects."),
            new("generation_type", "string", "The accreditation class of the request's first technology (queue_projects.accreditation_class), so that the ISOs' many spellings group together."),
            new("entry_cohort", "string", "The year the requests entered the queue (queue_date), or 'unknown'."),
            new("completed_count", "integer", "Requests that reached service (operational or retired)."),
            new("completed_mw", "number", "Their capacity.", "MW"),
            new("withdrawn_count", "integer", "Requests withdrawn (withdrawn, cancelled, terminated, retracted)."),
            new("withdrawn_mw", "number", "Their capacity.", "MW"),
            new("unresolved_count", "integer", "Requests still in the queue (active, suspended) or of unknown status."),
            new("unresolved_mw", "number", "Their capacity.", "MW"),
            new("completion_rate", "number", "completed_mw / (completed_mw + withdrawn_mw); empty where nothing is resolved or the resolved requests have no capacity."),
            new("completion_rate_by_count", "number", "completed_count / (completed_count + withdrawn_count); empty where nothing is resolved."),
            new("basis", "string", "measured: counted from the queue files of this run."),
            new("complete", "boolean", "false when a file configured for this queue could not be downloaded or read in this run (the run's report names it): the counts are partial and both rates empty; true otherwise."),
        ],
        ["region", "generation_type", "entry_cohort"])
    {
        Sources = [SourceNames.Queues],
    };
}
