using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tables;

public static partial class Schemas
{
    public static TableSchema GeneratorChanges { get; } = new(
        "generator_changes",
        "EIA-860M generator change log across vintages",
        "One row per generator and stretch of the EIA-860M vintages read (every January and the newest months by default) in which its record did not change: sheet, status, planned and actual operation months, capacities, technology, balancing authority and state. A generator missing from a vintage ends its stretch; one that comes back starts another. A column a whole vintage lacks (balancing authority and net summer capacity in early layouts) is not a change: the stretch takes the value of the next vintage that has it. Months between two vintages read are not seen: a change is dated by the first vintage that shows it.",
        [
            new("plant_id", "integer", "EIA plant code."),
            new("generator_id", "string", "EIA generator id, exactly as written."),
            new("valid_from_month", "yearmonth", "First vintage (yyyy-MM) of the stretch."),
            new("valid_until_month", "yearmonth", "Last vintage (yyyy-MM) of the stretch, inclusive: the next vintage read shows a change, or no record of the generator, or there is none."),
            new("sheet", "string", "Sheet of the record: operating, planned, retired or canceled."),
            new("status", "string", "EIA status code, as in generators.status."),
            new("planned_operation_month", "yearmonth", "Planned operation month (yyyy-MM); planned and canceled sheets."),
            new("operating_month", "yearmonth", "Month of commercial operation (yyyy-MM); empty before it."),
            new("nameplate_mw", "number", "Nameplate capacity.", "MW"),
            new("net_summer_mw", "number", "Net summer capacity; empty where not reported.", "MW"),
            new("technology", "string", "EIA technology."),
            new("accreditation_class", "string", "Accreditation class of the technology (curated/technology_classes.csv); unknown when not listed."),
            new("balancing_authority_code", "string", "EIA balancing authority code; empty where EIA gives none."),
            new("state", "string", "Two-letter postal code of the plant's state."),
        ],
        ["plant_id", "generator_id", "valid_from_month"])
    {
        Sources = [SourceNames.Eia860m, SourceNames.Curated],
    };

    public static TableSchema PlannedRealisation { get; } = new(
        "planned_realisation",
        "What became of capacity planned for a year (EIA-860M vintages)",
        "For each cohort year Y with January vintages of Y and Y+1: the units the January-Y vintage lists as planned to begin operation in Y, by accreditation class and by status at the start of the year, and where the January-(Y+1) vintage has them. Capacity is the nameplate at the start of the year, so planned_mw = online_mw + slipped_mw + canceled_mw + vanished_mw on every row. Rows with accreditation_class all sum the classes of a status; rows with status_at_start all sum the statuses of a class.",
        [
            new("cohort_year", "year", "The year the units were planned to begin operation in, as of January of that year."),
            new("accreditation_class", "string", "Accreditation class of the units' technology, or all."),
            new("status_at_start", "string", "EIA planned status in the January-Y vintage (P, L, T, U, V, TS, OT), or all."),
            new("units", "integer", "Planned generators in the cohort."),
            new("planned_mw", "number", "Nameplate capacity planned for the year at its start.", "MW"),
            new("online_mw", "number", "Of it, on the operating (or retired) sheet of the January-(Y+1) vintage.", "MW"),
            new("slipped_mw", "number", "Of it, still on the planned sheet of the January-(Y+1) vintage.", "MW"),
            new("canceled_mw", "number", "Of it, on the canceled or postponed sheet of the January-(Y+1) vintage.", "MW"),
            new("vanished_mw", "number", "Of it, in no sheet of the January-(Y+1) vintage.", "MW"),
            new("realisation_rate", "number", "online_mw / planned_mw; empty when planned_mw is 0.", "1"),
            new("mean_slip_months", "number", "Mean move of the planned operation month of the slipped units, in months; empty when none slipped.", "month"),
            new("start_vintage", "yearmonth", "The vintage the cohort is read from (yyyy-MM)."),
            new("end_vintage", "yearmonth", "The vintage the outcomes are read from (yyyy-MM)."),
        ],
        ["cohort_year", "accreditation_class", "status_at_start"])
    {
        Sources = [SourceNames.Eia860m, SourceNames.Curated],
    };

    public static TableSchema PlannedVsBuiltByYear { get; } = new(
        "planned_vs_built_by_year",
        "Capacity planned at the start of a year against capacity built in it (EIA-860M)",
        "For each year with a January vintage: nameplate capacity the January vintage lists as planned to begin operation in the year, and nameplate capacity of generators whose operating month falls in the year, read from the first vintage after the year (or, before one exists, from the newest vintage: year_complete false). By accreditation class and in total (all). Comparable with EIA's published planned-versus-built figures (for 2024: 62.8 GW planned, 48.6 GW built).",
        [
            new("year", "year", "Calendar year."),
            new("accreditation_class", "string", "Accreditation class of the technology, or all."),
            new("planned_gw", "number", "Capacity the January vintage of the year plans to begin operation in the year.", "GW"),
            new("built_gw", "number", "Capacity of generators with an operating month in the year (operating or retired sheet); empty without a vintage after January of the year.", "GW"),
            new("planned_vintage", "yearmonth", "The January vintage planned_gw is read from (yyyy-MM)."),
            new("built_vintage", "yearmonth", "The vintage built_gw is read from (yyyy-MM); empty without one."),
            new("year_complete", "boolean", "Whether built_vintage is after the year, so that built_gw covers the whole year."),
        ],
        ["year", "accreditation_class"])
    {
        Sources = [SourceNames.Eia860m, SourceNames.Curated],
    };
}
