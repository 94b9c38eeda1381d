-- The ba_hourly table the product publishes, written in DuckDB as a user would: the same eight
-- columns, the same rows, the same values (tests/AiEnergyPipeline.Tests/Bench/DuckDbReferenceTests.cs
-- compares the two on crafted and real files). {csv} is the BALANCE file, {origin} the origin column's value.
--
-- The thousands separators make DuckDB's sniffer read the numbers as text (its thousands option
-- does not apply to DOUBLE), so the numbers are read as text and converted with a macro.
CREATE MACRO mw(x) AS CAST(replace(trim(x), ',', '') AS DOUBLE);

CREATE TABLE ba_hourly AS
WITH balance AS (
    SELECT * FROM read_csv('{csv}', header = true, all_varchar = true)
),
-- Adjusted values over reported ones, and whether EIA imputed them.
wide AS (
    SELECT trim("Balancing Authority") AS balancing_authority_code,
           strptime(trim("UTC Time at End of Hour"), '%m/%d/%Y %I:%M:%S %p') AS period_end_utc,
           mw(coalesce(nullif(trim("Demand (MW) (Adjusted)"), ''), "Demand (MW)")) AS demand,
           coalesce(trim("Demand (MW) (Imputed)"), '') <> '' AS demand_imputed,
           mw("Demand Forecast (MW)") AS forecast,
           mw(coalesce(nullif(trim("Net Generation (MW) (Adjusted)"), ''), "Net Generation (MW)")) AS net_generation,
           coalesce(trim("Net Generation (MW) (Imputed)"), '') <> '' AS net_generation_imputed,
           mw(coalesce(nullif(trim("Total Interchange (MW) (Adjusted)"), ''), "Total Interchange (MW)")) AS interchange,
           coalesce(trim("Total Interchange (MW) (Imputed)"), '') <> '' AS interchange_imputed
    FROM balance
),
-- The demand screen (Sources/Eia930/DemandScreen.cs): the two hours before and the hour after...
neighbours AS (
    SELECT balancing_authority_code, period_end_utc, demand AS v,
           lag(period_end_utc) OVER w AS p1, lag(demand) OVER w AS v1,
           lag(period_end_utc, 2) OVER w AS p2, lag(demand, 2) OVER w AS v2,
           lead(period_end_utc) OVER w AS n1, lead(demand) OVER w AS nv1
    FROM wide WHERE demand IS NOT NULL
    WINDOW w AS (PARTITION BY balancing_authority_code ORDER BY period_end_utc)
),
-- ...and the median of the last 24 values above zero (at least 12 of them).
recent AS (
    SELECT balancing_authority_code, period_end_utc, median(demand) OVER m AS med, count(*) OVER m AS n
    FROM wide WHERE demand > 0
    WINDOW m AS (PARTITION BY balancing_authority_code ORDER BY period_end_utc ROWS BETWEEN 24 PRECEDING AND 1 PRECEDING)
),
screened AS (
    SELECT d.balancing_authority_code, d.period_end_utc,
           CASE
               WHEN d.v <= 0 THEN 'negative'
               WHEN d.p1 = d.period_end_utc - INTERVAL 1 HOUR AND d.p2 = d.period_end_utc - INTERVAL 2 HOUR
                    AND d.v = d.v1 AND d.v = d.v2 THEN 'stuck'
               WHEN (d.p1 = d.period_end_utc - INTERVAL 1 HOUR AND d.n1 = d.period_end_utc + INTERVAL 1 HOUR AND d.v1 > 0 AND d.nv1 > 0
                     AND (d.v - greatest(d.v1, d.nv1) > 0.15 * (d.v1 + d.nv1) / 2 OR least(d.v1, d.nv1) - d.v > 0.15 * (d.v1 + d.nv1) / 2))
                    OR (r.n >= 12 AND (d.v > 3 * r.med OR d.v * 3 < r.med)) THEN 'spike'
               ELSE 'ok'
           END AS quality
    FROM neighbours d LEFT JOIN recent r USING (balancing_authority_code, period_end_utc)
),
labelled AS (
    SELECT w.balancing_authority_code, w.period_end_utc,
           {'v': w.demand, 'i': w.demand_imputed, 'q': s.quality} AS demand,
           {'v': w.forecast, 'i': NULL::BOOLEAN, 'q': NULL::VARCHAR} AS forecast,
           {'v': w.net_generation, 'i': w.net_generation_imputed, 'q': NULL::VARCHAR} AS net_generation,
           {'v': w.interchange, 'i': w.interchange_imputed, 'q': NULL::VARCHAR} AS interchange
    FROM wide w LEFT JOIN screened s USING (balancing_authority_code, period_end_utc)
)
-- The long shape: one row per series and hour that has a value.
SELECT balancing_authority_code, period_end_utc, series, s.v AS value_mw, 'bulk' AS source, s.i AS imputed, s.q AS quality, '{origin}' AS origin
FROM (UNPIVOT labelled ON demand, forecast, net_generation, interchange INTO NAME series VALUE s)
WHERE s.v IS NOT NULL;
