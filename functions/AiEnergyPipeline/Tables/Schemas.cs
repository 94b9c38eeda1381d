using AiEnergyPipeline.Vocabulary;

namespace AiEnergyPipeline.Tables;

/// <summary>The schemas of every published table: one place, used by the writers and by datapackage.json.</summary>
public static partial class Schemas
{
    public static TableSchema BaHourly { get; } = new(
        "ba_hourly",
        "EIA-930 hourly series by balancing authority",
        "Demand, day-ahead demand forecast, net generation and total interchange of each balancing authority, one row per series and hour (UTC, hour ending). Where the bulk files and the API both cover an hour, the bulk value is kept.",
        [
            new("balancing_authority_code", "string", "EIA balancing authority code, such as PJM or CISO."),
            new("period_end_utc", "datetime", "End of the hour, UTC (ISO 8601)."),
            new("series", "string", "demand, forecast (day-ahead demand forecast), net_generation or interchange (total interchange, positive is export)."),
            new("value_mw", "number", "Average power over the hour; EIA reports it as MWh per hour.", "MW"),
            new("source", "string", "bulk (EIA-930 six-month BALANCE files, adjusted values where given) or api (EIA API v2 rto/region-data)."),
            new("imputed", "boolean", "Whether EIA imputed the value; empty where the source does not say."),
            new("quality", "string", "Demand only: ok, or why the hour is impossible after the screens of Ruggles et al., Scientific Data 7, 155 (2020): negative (zero or below), stuck (third or later hour of a run of identical values) or spike (beyond both neighbouring hours by more than 15% of their mean, or over 3 times or under a third of the last 24 hours' median). Hours at the edge of a bulk file or of the API window are judged without the neighbour the other file holds. Empty for forecast, net_generation and interchange, which are not screened."),
        ],
        ["balancing_authority_code", "period_end_utc", "series"])
    {
        Sources = [SourceNames.Eia930Bulk, SourceNames.Eia930Api],
    };

    public static TableSchema BaAnnual { get; } = new(
        "ba_annual",
        "Annual demand by balancing authority",
        "Peak hourly demand, energy and coverage of each balancing authority and calendar year (UTC), from the demand series of ba_hourly: hours the screen flags (quality other than ok) are left out of peak, energy and hours_reported and counted in flagged_hours.",
        [
            new("balancing_authority_code", "string", "EIA balancing authority code."),
            new("year", "year", "Calendar year of the hour's end, UTC."),
            new("peak_demand_mw", "number", "Highest hourly demand of the hours reported (quality ok); empty when the year has none.", "MW"),
            new("energy_mwh", "number", "Sum of hourly demand over the hours reported (quality ok); not filled in for missing or flagged hours.", "MWh"),
            new("hours_reported", "integer", "Hours with a demand value that passed the screen (quality ok).", "h"),
            new("coverage_ratio", "number", "hours_reported divided by the hours of the year (8,760 or 8,784): flagged hours do not count as covered.", "1"),
            new("flagged_hours", "integer", "Hours with a demand value the screen flagged (quality negative, stuck or spike), left out of the columns before.", "h"),
        ],
        ["balancing_authority_code", "year"])
    {
        Sources = [SourceNames.Eia930Bulk, SourceNames.Eia930Api],
    };

    public static TableSchema Quarantine { get; } = new(
        "quarantine",
        "Rows that could not be read",
        "Every source row that failed validation, with the file, the line (or record number for JSON) and the reason. Nothing is dropped silently.",
        [
            new("source", "string", "Source name, such as eia930_bulk."),
            new("file", "string", "File name as the source published it."),
            new("raw_path", "string", "Path of the archived raw file in this container."),
            new("line", "integer", "1-based line of the file (CSV) or record number in the data array (JSON)."),
            new("reason", "string", "Why the row was set aside."),
            new("excerpt", "string", "The start of the row as read."),
        ],
        ["source", "raw_path", "line", "reason"])
    {
        Sources = SourceNames.All,
    };
}
