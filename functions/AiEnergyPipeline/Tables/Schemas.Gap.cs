namespace AiEnergyPipeline.Tables;

/// <summary>The gap model's outputs, published under runs/{runId}/gap/.</summary>
public static partial class Schemas
{
    /// <summary>The run folder the gap outputs are published in.</summary>
    public const string GapFolder = "gap";

    private static FieldSchema[] GapComponents { get; } =
    [
        new("ai_demand_gw", "number", "The scenario's AI load in the year minus its value in the base year (firm capacity needed).", "GW"),
        new("ai_demand_basis", "string", "published (the scenario gives the year), interpolated (linear between its published years) or extrapolated_flat (held at its first or last published value)."),
        new("other_load_growth_gw", "number", "Growth of other (non-AI) peak load since the base year.", "GW"),
        new("other_load_growth_basis", "string", "trend (least-squares slope of ba_annual peaks of balancing authorities with 3 or more years of coverage_ratio >= 0.9) or assumption (other_load_growth_gw_per_year)."),
        new("reserve_margin", "number", "Reserve margin applied to new load (assumption reserve_margin).", "1"),
        new("firm_additions_gw", "number", "Accredited, completion-weighted capacity of planned units starting after the base year and by the year, minus the accredited capacity of operating units planned to retire in that time; with the assumption queue_supply_tail at 1, plus the queue supply tail after EIA-860M's last planned year (headline.json notes say what it added).", "GW"),
        new("gap_gw", "number", "(ai_demand_gw + other_load_growth_gw) x (1 + reserve_margin) - firm_additions_gw, from this row's rounded columns; positive is a shortfall of firm supply.", "GW"),
        new("firm_additions_basis", "string", "Where the completion weights of the planned units (and queue projects) that firm_additions_gw counts came from: measured (every weight measured from planned_realisation, see assumptions rows whose notes begin MEASURED), assumption (curated or overridden weights), queue_tail (only the queue supply tail's projects, weighted by their queue's completion rate), mixed (more than one of these: additions_by_year_technology.basis says which year and class) or none (no planned unit or queue project by the year: retirements only, or nothing)."),
    ];

    public static TableSchema GapByYear { get; } = new(
        "gap_by_year",
        "US AI demand versus firm supply, by scenario and year",
        "The gap between new US load (AI under each scenario, plus other load growth, with the reserve margin) and accredited firm supply additions, from the base year to the horizon year. Values are rounded to 6 decimals after computing.",
        [
            new("scenario_id", "string", "Scenario of demand_scenarios."),
            new("year", "year", "Calendar year."),
            .. GapComponents,
        ],
        ["scenario_id", "year"]);

    public static TableSchema GapByRegion { get; } = new(
        "gap_by_region",
        "AI demand versus firm supply, by scenario, EIA-930 region and year",
        "The gap per EIA-930 region (balancing authorities grouped by curated/balancing_authority_regions.csv; unknown codes in region unknown). AI demand and, on the assumption basis, other load growth are the US figures allocated by the region's share of the latest year's summed ba_annual peaks (0 where the region has no peaks); firm additions are the region's own units.",
        [
            new("scenario_id", "string", "Scenario of demand_scenarios."),
            new("region_code", "string", "EIA-930 region code, such as MIDA or TEX; unknown for balancing authorities not in the curated mapping or units without one."),
            new("year", "year", "Calendar year."),
            .. GapComponents,
        ],
        ["scenario_id", "region_code", "year"]);

    public static TableSchema AdditionsByYearTechnology { get; } = new(
        "additions_by_year_technology",
        "Planned additions and retirements by year and accreditation class",
        "EIA-860M planned units by the year of their planned operation month, and operating units by the year of their planned retirement month, after the base year and up to the horizon year; with the assumption queue_supply_tail = 1, also the queue projects the queue supply tail adds (basis queue_tail; a hybrid's further technologies under their own class).",
        [
            new("year", "year", "Calendar year of planned operation or retirement."),
            new("accreditation_class", "string", "Accreditation class of the units (unknown ones use accreditation_factor.other)."),
            new("planned_nameplate_mw", "number", "Nameplate capacity of planned units starting in the year.", "MW"),
            new("accredited_mw", "number", "planned_nameplate_mw x the class's accreditation factor.", "MW"),
            new("weighted_accredited_mw", "number", "accredited_mw x each unit's completion weight: by status and class where one was measured, else by status.", "MW"),
            new("retiring_nameplate_mw", "number", "Nameplate capacity of operating units planned to retire in the year.", "MW"),
            new("basis", "string", "Where the completion weights of the row's planned units came from: measured (every unit's weight measured from planned_realisation, see assumptions rows whose notes begin MEASURED), assumption (curated or overridden weights, or no planned units), or mixed; queue_tail for the queue supply tail's projects (only with the assumption queue_supply_tail = 1, in years after EIA-860M's planned units), weighted by their queue's completion rate."),
        ],
        ["year", "accreditation_class"]);

    public static TableSchema UsVsChinaAdditions { get; } = new(
        "us_vs_china_additions",
        "US versus China annual capacity additions (Ember)",
        "Net year-on-year change of total installed capacity (country_capacity fuel total, additions_gw) of the United States and China; empty where Ember has no figure; where there is no previous year's total to subtract from (Ember's first year); and where the year's or the previous year's total is incomplete (country_capacity complete false: a fuel group is missing); each empty cell of a year Ember gives with a note in headline.json naming the country, year and reason (the missing groups where incomplete).",
        [
            new("year", "year", "Year of Ember's capacity figure."),
            new("usa_additions_gw", "number", "Net additions of the United States (USA).", "GW"),
            new("chn_additions_gw", "number", "Net additions of China (CHN).", "GW"),
        ],
        ["year"]);

    public static TableSchema GapHeadline { get; } = new(
        "headline",
        "The gap in one sentence per scenario",
        "Per scenario: the US gap in 2028 (when within the model's years) and at the horizon year, and a plain-language sentence; then notes: the model's remarks on its inputs (a figure left empty and why, an assumption used where data was missing).",
        [],
        []);

    public static TableSchema GapChart { get; } = new(
        "gap",
        "Chart: accredited supply additions against AI demand",
        "SVG chart of firm (accredited, completion-weighted) supply additions against each scenario's AI demand, by year, since the base year.",
        [],
        []);
}
