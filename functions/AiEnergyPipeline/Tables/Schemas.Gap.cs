using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tables;

/// <summary>The gap model's outputs, published under runs/{runId}/gap/.</summary>
public static partial class Schemas
{
    /// <summary>The run folder the gap outputs are published in.</summary>
    public const string GapFolder = "gap";

    private static FieldSchema[] GapComponents { get; } =
    [
        new("ai_demand_gw", "number", "The scenario's AI load in the year minus its value in the base year (firm capacity needed); in gap_by_region, empty where the region has no complete share of the US peak (headline.json's notes say why).", "GW"),
        new("ai_demand_basis", "string", "published (the scenario gives the year), assumption (a point this project set where the publisher gives none: its notes in demand_scenarios begin ASSUMPTION), override (a point a recompute's request set: the operator's figure, not the publisher's), interpolated (linear between its points) or extrapolated_flat (held at its first or last point's value)."),
        new("other_load_growth_gw", "number", "Growth of other (non-AI) peak load since the base year; in gap_by_region, empty where the region has no complete share (assumption basis) or no trend of its own (trend basis).", "GW"),
        new("other_load_growth_basis", "string", "trend (least-squares slope of ba_annual peaks of balancing authorities with 3 or more years of coverage_ratio >= 0.9) or assumption (other_load_growth_gw_per_year)."),
        new("reserve_margin", "number", "Reserve margin applied to new load (assumption reserve_margin).", "1"),
        new("firm_additions_gw", "number", "Accredited, completion-weighted capacity of planned units starting after the base year and by the year, minus the accredited capacity of operating units planned to retire in that time; with the assumption queue_supply_tail at 1, plus the queue supply tail after EIA-860M's last planned year (headline.json notes say what it added).", "GW"),
        new("gap_gw", "number", "(ai_demand_gw + other_load_growth_gw) x (1 + reserve_margin) - firm_additions_gw, from this row's rounded columns; positive is a shortfall of firm supply; empty where either demand column is.", "GW"),
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
        ["scenario_id", "year"])
    {
        Sources = [SourceNames.Eia930Bulk, SourceNames.Eia930Api, SourceNames.Eia860m, SourceNames.Curated],
    };

    public static TableSchema GapByRegion { get; } = new(
        "gap_by_region",
        "AI demand versus firm supply, by scenario, EIA-930 region and year",
        "The gap per EIA-930 region (balancing authorities grouped by curated/balancing_authority_regions.csv; unknown codes in region unknown). AI demand and, on the assumption basis, other load growth are the US figures allocated by the region's share of the summed ba_annual peaks, each balancing authority's from its latest complete year; empty where the region has no peaks or one of its authorities has no complete year (docs/gap.md). Firm additions are the region's own units.",
        [
            new("scenario_id", "string", "Scenario of demand_scenarios."),
            new("region_code", "string", "EIA-930 region code, such as MIDA or TEX; unknown for balancing authorities not in the curated mapping or units without one."),
            new("year", "year", "Calendar year."),
            .. GapComponents,
        ],
        ["scenario_id", "region_code", "year"])
    {
        Sources = [SourceNames.Eia930Bulk, SourceNames.Eia930Api, SourceNames.Eia860m, SourceNames.Curated],
    };

    public static TableSchema AdditionsByYearTechnology { get; } = new(
        "additions_by_year_technology",
        "Planned additions and retirements, and those already made, by year and accreditation class",
        "From EIA-860M's newest vintage, after the base year and up to the horizon year: planned units by the year of their planned operation month, units already built by the year of their operating month (operating, or retired since), operating units by the year of their planned retirement month and retired units by the year of their retirement month; with the assumption queue_supply_tail = 1, also the queue projects the queue supply tail adds (basis queue_tail; a hybrid's further technologies under their own class). firm_change_mw summed over the rows up to a year, over 1000, is gap_by_year's firm_additions_gw of that year.",
        [
            new("year", "year", "Calendar year of planned operation or retirement."),
            new("accreditation_class", "string", "Accreditation class of the units (unknown ones use accreditation_factor.other)."),
            new("planned_nameplate_mw", "number", "Nameplate capacity of planned units starting in the year.", "MW"),
            new("accredited_mw", "number", "planned_nameplate_mw x the class's accreditation factor.", "MW"),
            new("weighted_accredited_mw", "number", "accredited_mw x each unit's completion weight: by status and class where one was measured, else by status.", "MW"),
            new("retiring_nameplate_mw", "number", "Nameplate capacity of operating units planned to retire in the year.", "MW"),
            new("basis", "string", "Where the completion weights of the row's planned units came from: measured (every unit's weight measured from planned_realisation, see assumptions rows whose notes begin MEASURED), assumption (curated or overridden weights), or mixed; queue_tail for the queue supply tail's projects (only with the assumption queue_supply_tail = 1, in years after EIA-860M's planned units), weighted by their queue's completion rate; none for a row without planned units or queue projects (units built, or retirements: they have no completion weight)."),
            new("built_nameplate_mw", "number", "Nameplate capacity of units that came online in the year (EIA-860M lists them as operating, or as retired since): counted whole, with no completion weight.", "MW"),
            new("retired_nameplate_mw", "number", "Nameplate capacity of units retired in the year.", "MW"),
            new("firm_change_mw", "number", "The row's part of the gap's firm additions: weighted_accredited_mw, plus built_nameplate_mw, minus retiring_nameplate_mw and retired_nameplate_mw, each of those x the class's accreditation factor.", "MW"),
        ],
        ["year", "accreditation_class"])
    {
        Sources = [SourceNames.Eia860m, SourceNames.Curated],
    };

    public static TableSchema UsVsChinaAdditions { get; } = new(
        "us_vs_china_additions",
        "US versus China annual capacity additions (Ember)",
        "Net year-on-year change of total installed capacity (country_capacity fuel total, additions_gw) of the United States and China; empty where Ember has no figure; where there is no previous year's total to subtract from (Ember's first year); and where the year's or the previous year's total is incomplete (country_capacity complete false: a fuel group is missing); each empty cell of a year Ember gives with a note in headline.json naming the country, year and reason (the missing groups where incomplete).",
        [
            new("year", "year", "Year of Ember's capacity figure."),
            new("usa_additions_gw", "number", "Net additions of the United States (USA).", "GW"),
            new("chn_additions_gw", "number", "Net additions of China (CHN).", "GW"),
        ],
        ["year"])
    {
        Sources = [SourceNames.Ember],
    };

    public static TableSchema GapHeadline { get; } = new(
        "headline",
        "The gap in one sentence per scenario",
        "Per scenario: the US gap in 2028 (when within the model's years) and at the horizon year, and a plain-language sentence; then notes: the model's remarks on its inputs (a figure left empty and why, an assumption used where data was missing).",
        [],
        [])
    {
        Sources = [SourceNames.Eia930Bulk, SourceNames.Eia930Api, SourceNames.Eia860m, SourceNames.Ember, SourceNames.Curated],
    };

    public static TableSchema GapChart { get; } = new(
        "gap",
        "Chart: accredited supply additions against AI demand",
        "SVG chart of firm (accredited, completion-weighted) supply additions against each scenario's AI demand, by year, since the base year.",
        [],
        [])
    {
        Sources = [SourceNames.Eia930Bulk, SourceNames.Eia930Api, SourceNames.Eia860m, SourceNames.Curated],
    };
}
