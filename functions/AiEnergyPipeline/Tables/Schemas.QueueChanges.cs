using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tables;

public static partial class Schemas
{
    public static TableSchema QueueChanges { get; } = new(
        "queue_changes",
        "Interconnection queue changes since the previous run",
        "What changed in queue_projects between the previous published run and this one, one row per project and change: entered the queue, left it (no longer listed), " +
        "withdrawn, went into service, retired, another status change, capacity changed, proposed completion date moved. " +
        "Empty on the first run (there is nothing to compare with); a recompute publishes the changes of the ingest it derives from, never new ones.",
        [
            new("region", "string", "The queue, as in queue_projects."),
            new("project_key", "string", "The project, as in queue_projects (the queue id where the previous run has no project_key)."),
            new("queue_id", "string", "The queue's id of the project."),
            new("change", "string", "entered, left, withdrawn, in_service, retired, status_changed, capacity_changed or proposed_date_moved."),
            new("from_value", "string", "The previous run's value (status, capacity in MW or date); empty for entered."),
            new("to_value", "string", "This run's value; empty for left."),
            new("months_moved", "integer", "For proposed_date_moved, how many months later (positive) or earlier (negative) the new date is."),
            new("previous_run_id", "string", "The run compared with."),
            new("run_id", "string", "This run."),
        ],
        ["region", "project_key", "change"])
    {
        Sources = [SourceNames.Queues],
    };
}
