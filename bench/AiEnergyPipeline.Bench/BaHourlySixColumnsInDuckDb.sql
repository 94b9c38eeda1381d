-- The first DuckDB reference (2026-11-28), kept for comparison with the figures measured against it:
-- ba_hourly as it was then, six columns, without the demand screen's quality (added 2026-11-29)
-- and the origin (2026-12-01). It no longer writes the table the product publishes; BaHourlyInDuckDb.sql does.
CREATE MACRO mw(x) AS CAST(replace(trim(x), ',', '') AS DOUBLE);

CREATE TABLE ba_hourly AS
WITH balance AS (
    SELECT * FROM read_csv('{csv}', header = true, all_varchar = true)
),
wide AS (
    SELECT trim("Balancing Authority") AS balancing_authority_code,
           strptime(trim("UTC Time at End of Hour"), '%m/%d/%Y %I:%M:%S %p') AS period_end_utc,
           {'v': mw(coalesce(nullif(trim("Demand (MW) (Adjusted)"), ''), "Demand (MW)")), 'i': coalesce(trim("Demand (MW) (Imputed)"), '') <> ''} AS demand,
           {'v': mw("Demand Forecast (MW)"), 'i': NULL::BOOLEAN} AS forecast,
           {'v': mw(coalesce(nullif(trim("Net Generation (MW) (Adjusted)"), ''), "Net Generation (MW)")), 'i': coalesce(trim("Net Generation (MW) (Imputed)"), '') <> ''} AS net_generation,
           {'v': mw(coalesce(nullif(trim("Total Interchange (MW) (Adjusted)"), ''), "Total Interchange (MW)")), 'i': coalesce(trim("Total Interchange (MW) (Imputed)"), '') <> ''} AS interchange
    FROM balance
)
SELECT balancing_authority_code, period_end_utc, series, s.v AS value_mw, 'bulk' AS source, s.i AS imputed
FROM (UNPIVOT wide ON demand, forecast, net_generation, interchange INTO NAME series VALUE s)
WHERE s.v IS NOT NULL;
