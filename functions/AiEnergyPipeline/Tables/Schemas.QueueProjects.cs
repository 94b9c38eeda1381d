using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tables;

public static partial class Schemas
{
    public static TableSchema QueueProjects { get; } = new(
        "queue_projects",
        "Interconnection queue requests",
        "Every request in the interconnection queues read (the LBNL Queued Up workbook, the ISOs' own queue files, and ISO queues in gridstatus form), one row per queue and project key, whatever its fate: active, withdrawn, in service, suspended or built and retired. " +
        "capacity_mw is the first technology's capacity (LBNL mw1; gridstatus Capacity (MW), else the summer or winter capacity); a hybrid's further technologies are in component_2_mw and component_3_mw (LBNL mw2, mw3), each with its accreditation class (component_2_class, component_3_class) taken from the same technology column as the capacity. " +
        "Phases sharing a queue number are separate projects (project_key); where the same project key of the same queue appears twice, the first row read is kept and the later one quarantined. " +
        "A status no rule knows is kept as unknown with the source's words in status_raw, and counted in the run's report. " +
        "A file holding one ISO's queue that could not be downloaded or read leaves that ISO's rows from it out of the run while the other queues publish: the run's report (report.json, the queues source, status partial) names the file, the ISO and the cause, and the ISO's rows from its other files (the LBNL workbook's among them) have complete false.",
        [
            new("region", "string", "The queue the request is in: the ISO (CAISO, ERCOT, ISO-NE, MISO, NYISO, PJM, SPP) or, outside the ISOs, the utility that runs the queue (LBNL entity). Queue ids are unique only within it."),
            new("queue_id", "string", "The queue's id of the request, as text; ids written as numbers (254.0) are given as whole numbers (254)."),
            new("project_name", "string", "Project name as given, line breaks folded to spaces; may be empty (many queues withhold names)."),
            new("state", "string", "State as given (two-letter code in LBNL)."),
            new("county", "string", "County as given (LBNL county_1: the first county of a project that spans several)."),
            new("generation_type", "string", "Technology as the source gives it (LBNL type_clean, gridstatus Generation Type), such as Solar+Battery or Natural Gas; Storage."),
            new("accreditation_class", "string", "The accreditation class of the first technology (the one capacity_mw measures): nuclear, coal, gas_combined_cycle, gas_combustion_turbine, gas_steam, gas_internal_combustion, oil, hydro, pumped_storage, battery_storage, onshore_wind, offshore_wind, solar_pv, solar_thermal, geothermal, biomass, other, or unknown where the type does not say. Gas of no stated technology is gas_combustion_turbine."),
            new("capacity_mw", "number", "Requested capacity of the first technology; 0 where the queue gives 0.", "MW"),
            new("storage_mw", "number", "Capacity of the request's storage technologies (battery, pumped storage): LBNL the sum of the mw of the storage components, 0 when there is none; gridstatus the capacity of a storage-only request, 0 for a single other technology, empty for a hybrid with storage (the split is not given).", "MW"),
            new("component_2_mw", "number", "Capacity of a hybrid's second technology (LBNL mw2); empty where there is none or the source does not give it.", "MW"),
            new("component_3_mw", "number", "Capacity of a hybrid's third technology (LBNL mw3); empty where there is none or the source does not give it.", "MW"),
            new("queue_date", "date", "Date the request entered the queue (ISO 8601); a month-only date is the first of the month, a year the first of January."),
            new("proposed_completion_date", "date", "Proposed commercial operation date (LBNL prop_date, gridstatus Proposed Completion Date), ISO 8601; a month-only date is the first of the month, a year the first of January."),
            new("proposed_completion_precision", "string", "day, month or year: how much of proposed_completion_date the source gave; empty with the date."),
            new("status", "string", "active, withdrawn, operational (in service; gridstatus Completed), suspended, retired (built, in service, then retired: PJM Deactivated) or unknown (status_raw holds words no rule knows)."),
            new("market_region", "string", "The wider region: LBNL region (an ISO, or West or Southeast outside the ISOs); for gridstatus files the ISO."),
            new("source_format", "string", "lbnl, gridstatus, or the ISO file read: pjm, caiso, nyiso, ercot, spp, miso, isone."),
            new("source_file", "string", "The file the row was read from, as the source published it."),
            new("status_raw", "string", "The source's own status words, as given (NYISO's numeric status codes with their legend words; ERCOT, which has no status column, the milestones its dates record)."),
            new("withdrawn_date", "date", "Date the request was withdrawn, where the source gives it (ISO 8601)."),
            new("actual_completion_date", "date", "Date the project reached service, where the source gives it (ISO 8601)."),
            new("project_key", "string", "The project within its queue: the queue id, with the phase where phases share it (\"533 Phase II\"). With region, the table's key."),
            new("component_2_class", "string", "Accreditation class of the technology component_2_mw measures (LBNL type2 where the workbook has it, else the second part of type_clean), in the classes of accreditation_class; unknown where the source names no technology for it; empty with component_2_mw."),
            new("component_3_class", "string", "Accreditation class of the technology component_3_mw measures (LBNL type3, else the third part of type_clean), as component_2_class; empty with component_3_mw."),
            new("complete", "boolean", "false when a file configured for this row's queue (region) could not be downloaded or read in this run, so that the queue's rows here are only part of it (those of its other files); true when every file of the queue was read. queue_changes compares only queues complete in both runs."),
        ],
        ["region", "project_key"])
    {
        Sources = [SourceNames.Queues],
    };
}
