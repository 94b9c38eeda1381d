using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tables;

public static partial class Schemas
{
    public static TableSchema CountryCapacity { get; } = new(
        "country_capacity",
        "Installed generating capacity by country, year and fuel (Ember)",
        CountryCapacityText + " Licence CC-BY-4.0: Ember (2025), Yearly Electricity Data.",
        [
            new("iso3", "string", "ISO 3166-1 alpha-3 code of the country, as Ember gives it."),
            new("country", "string", "Country name as Ember gives it (the first seen for the code)."),
            new("year", "year", "Year of Ember's yearly capacity figure."),
            new("fuel", "string", "snake_case fuel: a single fuel (coal, gas, other_fossil, nuclear, hydro, wind, solar, bioenergy, other_renewables), an aggregate (fossil, gas_and_other_fossil, renewables, hydro_bioenergy_and_other_renewables, wind_and_solar, clean) or total; a fuel Ember adds later appears under its own snake_case name, classed as the file classes it."),
            new("is_aggregate", "boolean", "true for aggregates and total, which repeat the capacity of single fuels; false for single fuels."),
            new("capacity_gw", "number", "Installed capacity; empty only on a total with complete false.", "GW"),
            new("additions_gw", "number", "Net year-on-year change: capacity_gw minus that of the previous year for the same country and fuel (retirements subtract); empty for the first year or when either year's capacity is missing or blank. For total, also empty unless both years are complete and report the same single fuels, so that a fuel blank in one of the years never shows as an addition or a retirement.", "GW"),
            new("complete", "boolean", "false only on a total whose single fuels leave one of the eight groups unreported (its capacity is then unknown and empty); true on every other row: a single fuel or aggregate row carries Ember's own figure, and a total with complete true covers every group."),
        ],
        ["iso3", "year", "fuel"])
    {
        Sources = [SourceNames.Ember],
        SampleDescription = CountryCapacityText + " " + Licences.EmberSample.Attribution,
    };

    private const string CountryCapacityText =
        "Ember's yearly installed electricity generating capacity of each country (areas with an ISO 3 code; Ember's regions and other aggregated areas are left out), one row per fuel and year. "
        + "The single fuels (coal, gas, other_fossil, nuclear, hydro, wind, solar, bioenergy, other_renewables) partition a country's capacity. "
        + "The aggregates Ember publishes beside them (fossil, gas_and_other_fossil, renewables, hydro_bioenergy_and_other_renewables, wind_and_solar, clean) and total repeat sums of single fuels and have is_aggregate true: never add them to the single fuels. "
        + "Each single fuel belongs to one of eight groups: coal (coal), gas (gas), oil (other_fossil, mostly oil), nuclear (nuclear), hydro (hydro), wind (wind), solar (solar) and other (bioenergy, other_renewables, and any single fuel Ember adds later); a group is reported for a country and year when at least one of its fuels has a value. "
        + "Every country and year with any value has one total row. Its capacity is Ember's own total where the file gives one, else the sum of the single fuels Ember reports; but only when the single fuels report all eight groups (complete true). "
        + "Where a group is missing (Ember leaves blank fuels it has no figure for: the older API extract has no gas or other_fossil at all, and its 2020 rows only coal, wind and solar), the total is unknown: its row has an empty capacity_gw and additions_gw and complete false, never a sum that is short by a whole fuel. "
        + "Blank values are not rows. Capacities are rounded to 1 kW (6 decimals of GW).";
}
