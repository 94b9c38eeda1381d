#!/usr/bin/env python3
"""Writes the EIA-930 part of the bundled snapshot: small files in the real formats.

  - eia930/bulk/EIA930_BALANCE_2025_Jul_Dec.csv: an excerpt of a six-month BALANCE file
    (five balancing authorities, the last week of 2025), with the 2024 H2 column layout,
    quoted thousands separators, m/d/yyyy dates and a few imputed values.
  - eia930/bulk/EIA930_BALANCE_2025_Jan_Jun.csv: the same for the last three days of June 2025
    (daylight saving time: local hours one hour later against UTC).
  - eia930/bulk/EIA930_File_List_Meta.csv: EIA's list of six-month files (YEAR, PERIOD, FILENAME,
    DESCRIPTION), BALANCE, INTERCHANGE and SUBREGION files from 2015 H1 (BALANCE and
    INTERCHANGE; SUBREGION from 2018 H2) to 2025 H2. The snapshot's settings read it from 2025 on,
    so that the two BALANCE files above are the partitions.
  - eia930/api/region-data.offset-{0,250,500}.json: three pages of an EIA API v2
    rto/region-data response (length 250, total 600), sorted by period, respondent and type;
    the last page gives total as a number, as the API sometimes does.

The values are synthetic (a daily load shape per balancing authority), not EIA's.
Run from the repository root: python3 tools/snapshot/make_eia930_snapshot.py
"""
import csv
import datetime as dt
import json
import math
import os
import random

ROOT = os.path.join("functions", "AiEnergyPipeline", "snapshot", "eia930")
BAS = [  # code, name, UTC offset in winter (hours), region, base demand MW, net generation ratio
    ("CISO", "California Independent System Operator", -8, "CAL", 24000, 0.78),
    ("ERCO", "Electric Reliability Council of Texas, Inc.", -6, "TEX", 45000, 1.00),
    ("MISO", "Midcontinent Independent System Operator, Inc.", -5, "MIDW", 80000, 1.02),
    ("NYIS", "New York Independent System Operator", -5, "NY", 17000, 0.93),
    ("PJM", "PJM Interconnection, LLC", -5, "MIDA", 95000, 1.04),
]
FUELS = [
    "Coal", "Natural Gas", "Nuclear", "All Petroleum Products", "Hydropower Excluding Pumped Storage",
    "Pumped Storage", "Solar Without Integrated Battery Storage", "Solar With Integrated Battery Storage",
    "Wind Without Integrated Battery Storage", "Wind With Integrated Battery Storage", "Battery Storage",
    "Geothermal", "Other Fuel Sources", "Unknown Fuel Sources",
]
FUEL_SHARES = [0.15, 0.42, 0.18, 0.01, 0.05, 0.0, 0.07, 0.01, 0.08, 0.0, 0.01, 0.01, 0.01, 0.0]
HEADER = [
    "Balancing Authority", "Data Date", "Hour Number", "Local Time at End of Hour", "UTC Time at End of Hour",
    "Demand Forecast (MW)", "Demand (MW)", "Net Generation (MW)", "Total Interchange (MW)", "Sum(Valid DIBAs) (MW)",
    "Demand (MW) (Imputed)", "Net Generation (MW) (Imputed)", "Total Interchange (MW) (Imputed)",
    "Demand (MW) (Adjusted)", "Net Generation (MW) (Adjusted)", "Total Interchange (MW) (Adjusted)",
] + [f"Net Generation (MW) from {f}" for f in FUELS] + ["Region"]


def demand(base, utc, offset, rng):
    local_hour = (utc + dt.timedelta(hours=offset)).hour
    shape = 1 + 0.16 * math.sin((local_hour - 10) / 24 * 2 * math.pi)
    return round(base * shape * (1 + rng.uniform(-0.02, 0.02)))


def thousands(value):
    return f"{value:,}"


def mdy(t):
    return f"{t.month}/{t.day}/{t.year}"


def mdy_time(t):
    hour = t.hour % 12 or 12
    return f"{t.month:02d}/{t.day:02d}/{t.year} {hour}:00:00 {'AM' if t.hour < 12 else 'PM'}"


def write_bulk(rng, name="EIA930_BALANCE_2025_Jul_Dec.csv", month=12, days=range(25, 32), dst=0):
    os.makedirs(os.path.join(ROOT, "bulk"), exist_ok=True)
    path = os.path.join(ROOT, "bulk", name)
    with open(path, "w", newline="") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
        writer.writerow(HEADER)
        for code, _, winter_offset, region, base, ratio in BAS:
            offset = winter_offset + dst
            for day in days:
                for hour_number in range(1, 25):
                    local_end = dt.datetime(2025, month, day) + dt.timedelta(hours=hour_number)
                    utc_end = local_end - dt.timedelta(hours=offset)
                    d = demand(base, utc_end, offset, rng)
                    forecast = round(d * (1 + rng.uniform(-0.03, 0.03)))
                    ng = round(d * ratio)
                    ti = ng - d
                    reported_d, imputed_d = d, ""
                    if rng.random() < 0.02:  # EIA fills a missing report and says so
                        reported_d, imputed_d = "", d
                    fuels = [round(ng * s) for s in FUEL_SHARES]
                    row = [code, mdy(local_end - dt.timedelta(hours=1)), hour_number, mdy_time(local_end), mdy_time(utc_end),
                           thousands(forecast), "" if reported_d == "" else thousands(reported_d), thousands(ng), thousands(ti), thousands(ti),
                           "" if imputed_d == "" else thousands(imputed_d), "", "",
                           thousands(d), thousands(ng), thousands(ti)]
                    row += [thousands(v) if v else "" for v in fuels] + [region]
                    writer.writerow(row)


def write_file_list():
    """EIA930_File_List_Meta.csv as EIA lists its six-month files: every type and half-year."""
    path = os.path.join(ROOT, "bulk", "EIA930_File_List_Meta.csv")
    kinds = [("BALANCE", "Balancing authority hourly demand, forecast, net generation and interchange"),
             ("INTERCHANGE", "Hourly interchange between balancing authorities"),
             ("SUBREGION", "Hourly demand by balancing authority subregion")]
    with open(path, "w", newline="") as f:
        writer = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(["YEAR", "PERIOD", "FILENAME", "DESCRIPTION"])
        for year in range(2015, 2026):
            for period, months in (("Jan_Jun", "January - June"), ("Jul_Dec", "July - December")):
                for kind, description in kinds:
                    if kind == "SUBREGION" and (year, period) < (2018, "Jul_Dec"):
                        continue
                    writer.writerow([year, period, f"EIA930_{kind}_{year}_{period}.csv", f"{description}, {months} {year}"])


def write_api(rng):
    os.makedirs(os.path.join(ROOT, "api"), exist_ok=True)
    start = dt.datetime(2026, 1, 1, 0)
    types = [("D", "Demand"), ("DF", "Day-ahead demand forecast"), ("NG", "Net generation"), ("TI", "Total interchange")]
    rows = []
    for h in range(30):
        period = start + dt.timedelta(hours=h)
        for code, name, offset, _, base, ratio in BAS:
            d = demand(base, period, offset, rng)
            values = {"D": d, "DF": round(d * (1 + rng.uniform(-0.03, 0.03))), "NG": round(d * ratio)}
            values["TI"] = values["NG"] - d
            for type_code, type_name in types:
                rows.append({"period": period.strftime("%Y-%m-%dT%H"), "respondent": code, "respondent-name": name,
                             "type": type_code, "type-name": type_name, "value": str(values[type_code]),
                             "value-units": "megawatthours"})
    length = 250
    for offset in range(0, len(rows), length):
        page = rows[offset:offset + length]
        last = offset + length >= len(rows)
        response = {
            "response": {
                "warnings": [] if last else [{"warning": "incomplete return", "description": "The API can only return 250 rows in JSON format.  Please consider constraining your request with facet, start, or end, or using offset to paginate results."}],
                "total": len(rows) if last else str(len(rows)),
                "dateFormat": "YYYY-MM-DD\"T\"HH24",
                "frequency": "hourly",
                "data": page,
                "description": "SAMPLE DATA, NOT REAL: written by AiEnergyPipeline in the layout of this route of the EIA API v2 (hourly demand, day-ahead demand forecast, net generation and interchange by balancing authority; Form EIA-930, Hourly Electric Grid Monitor). The values are invented.",
            },
            "request": {
                "command": "/v2/electricity/rto/region-data/data/",
                "params": {"api_key": "REDACTED", "frequency": "hourly", "data": ["value"],
                           "facets": {"respondent": [b[0] for b in BAS], "type": [t[0] for t in types]},
                           "start": "2026-01-01T00", "end": "2026-01-02T05",
                           "sort": [{"column": "period", "direction": "asc"}, {"column": "respondent", "direction": "asc"}, {"column": "type", "direction": "asc"}],
                           "offset": str(offset), "length": str(length)},
            },
            "apiVersion": "2.1.8",
            "ExcelAddInVersion": "2.1.0",
        }
        with open(os.path.join(ROOT, "api", f"region-data.offset-{offset}.json"), "w") as f:
            json.dump(response, f, separators=(",", ":"))


if __name__ == "__main__":
    rng = random.Random(2025)
    write_bulk(rng)
    write_api(rng)
    # A stream of its own, so that adding this file left the files above unchanged.
    write_bulk(random.Random(2024), "EIA930_BALANCE_2025_Jan_Jun.csv", month=6, days=range(28, 31), dst=1)
    write_file_list()
