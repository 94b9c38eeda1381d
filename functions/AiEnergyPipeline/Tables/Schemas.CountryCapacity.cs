namespace AiEnergyPipeline.Tables;

public static partial class Schemas
{
    public static TableSchema CountryCapacity { get; } = new(
        "country_capacity",
        "Installed generating capacity by country, year and fuel (Ember)",
        "Ember's yearly installed electricity generating capacity of each country (areas with an ISO 3 code; Ember's regions and other aggregated areas are left out), one row per fuel and year. "
        + "The single fuels (coal, gas, other_fossil, nuclear, hydro, wind, solar, bioenergy, other_renewables) partition a country's capacity. "
        + "The aggregates Ember publishes beside them (fossil, gas_and_other_fossil, renewables, hydro_bioenergy_and_other_renewables, wind_and_solar, clean) and total repeat sums of single fuels and have is_aggregate true: never add them to the single fuels. "
        + "total is Ember's own total where the file gives one, else the sum of the single fuels Ember reports for that country and year; where Ember leaves a single fuel blank but reports its aggregate (the older API extract has no gas), total is lower than the aggregates imply. "
        + "Blank values are not rows. Capacities are rounded to 1 kW (6 decimals of GW). Licence CC-BY-4.0: Ember (2025), Yearly Electricity Data.",
        [
            new("iso3", "string", "ISO 3166-1 alpha-3 code of the country, as Ember gives it."),
            new("country", "string", "Country name as Ember gives it (the first seen for the code)."),
            new("year", "year", "Year of Ember's yearly capacity figure."),
            new("fuel", "string", "snake_case fuel: a single fuel (coal, gas, other_fossil, nuclear, hydro, wind, solar, bioenergy, other_renewables), an aggregate (fossil, gas_and_other_fossil, renewables, hydro_bioenergy_and_other_renewables, wind_and_solar, clean) or total; a fuel Ember adds later appears under its own snake_case name, classed as the file classes it."),
            new("is_aggregate", "boolean", "true for aggregates and total, which repeat the capacity of single fuels; false for single fuels."),
            new("capacity_gw", "number", "Installed capacity.", "GW"),
            new("additions_gw", "number", "Net year-on-year change: capacity_gw minus that of the previous year for the same country and fuel (retirements subtract); empty for the first year or when the previous year is missing or blank.", "GW"),
        ],
        ["iso3", "year", "fuel"]);
}
