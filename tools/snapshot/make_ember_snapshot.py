#!/usr/bin/env python3
"""Writes the Ember part of the bundled snapshot, and a wide-layout test fixture, in the real formats.

  - functions/AiEnergyPipeline/snapshot/ember/yearly_full_release_long_format.csv: an excerpt of
    Ember's yearly long-format release (header `Area,ISO 3 code,Year,Area type,Continent,
    Ember region,EU,OECD,G20,G7,ASEAN,Category,Subcategory,Variable,Unit,Value,YoY absolute change,
    YoY % change`): four countries (United States, China, India, Germany) and one region (Asia,
    no ISO 3 code), 2019-2024, with capacity by fuel and aggregate fuel (GW) beside generation
    (TWh and %), demand and emissions rows. Two capacity values are blank, as in the real file:
    Germany's other fossil in 2019 and India's other renewables in 2021 (a gap year).
  - functions/AiEnergyPipeline/snapshot/ember/snapshot.json: routes the default URL to that file.
  - tests/AiEnergyPipeline.Tests/Normalise/Fixtures/ember/release_generation_yearly_global.sample.csv:
    the same capacities in the newer wide layout (one row per area, year and electricity source,
    with `Is aggregated source` and `Capacity (GW)`; a `Total generation` row carries the total).

The values are synthetic (plausible magnitudes), not Ember's.
Run from the repository root: python3 tools/snapshot/make_ember_snapshot.py
"""
import csv
import json
import os

SNAPSHOT = os.path.join("functions", "AiEnergyPipeline", "snapshot", "ember")
FIXTURES = os.path.join("tests", "AiEnergyPipeline.Tests", "Normalise", "Fixtures", "ember")
URL = "https://files.ember-energy.org/public-downloads/yearly_full_release_long_format.csv"
LONG_FILE = "yearly_full_release_long_format.csv"
WIDE_FILE = "release_generation_yearly_global.sample.csv"
YEARS = list(range(2019, 2025))

FUELS = ["Bioenergy", "Coal", "Gas", "Hydro", "Nuclear", "Other Fossil", "Other Renewables", "Solar", "Wind"]
AGGREGATES = {  # Ember's aggregate fuels and the fuels they sum
    "Clean": ["Bioenergy", "Hydro", "Nuclear", "Other Renewables", "Solar", "Wind"],
    "Fossil": ["Coal", "Gas", "Other Fossil"],
    "Gas and Other Fossil": ["Gas", "Other Fossil"],
    "Hydro, Bioenergy and Other Renewables": ["Bioenergy", "Hydro", "Other Renewables"],
    "Renewables": ["Bioenergy", "Hydro", "Other Renewables", "Solar", "Wind"],
    "Wind and Solar": ["Solar", "Wind"],
}
CAPACITY_FACTOR = {"Bioenergy": 0.6, "Coal": 0.5, "Gas": 0.4, "Hydro": 0.4, "Nuclear": 0.9,
                   "Other Fossil": 0.1, "Other Renewables": 0.7, "Solar": 0.14, "Wind": 0.3}

# name, ISO 3 code, area type, continent, Ember region, EU, OECD, G20, G7, ASEAN
AREAS = [
    ("China", "CHN", "Country", "Asia", "East Asia", 0, 0, 1, 0, 0),
    ("Germany", "DEU", "Country", "Europe", "EU", 1, 1, 1, 1, 0),
    ("India", "IND", "Country", "Asia", "South Asia", 0, 0, 1, 0, 0),
    ("United States of America", "USA", "Country", "North America", "North America", 0, 1, 1, 1, 0),
]
REGION = ("Asia", "", "Region", "Asia", "", 0, 0, 0, 0, 0)

# Capacity in GW by fuel, 2019 to 2024; None is a blank cell in the release.
CAPACITY = {
    "CHN": {
        "Bioenergy": [22.5, 29.5, 37.9, 41.3, 44.0, 46.2], "Coal": [1040.5, 1080.0, 1110.2, 1123.6, 1160.3, 1190.5],
        "Gas": [90.2, 98.0, 108.6, 115.2, 126.0, 144.1], "Hydro": [356.4, 370.2, 391.0, 413.5, 421.5, 435.9],
        "Nuclear": [48.7, 49.9, 53.3, 55.5, 56.9, 58.1], "Other Fossil": [5.1, 5.1, 5.2, 5.2, 5.3, 5.3],
        "Other Renewables": [0.03, 0.03, 0.03, 0.03, 0.04, 0.04], "Solar": [204.7, 253.4, 306.6, 393.0, 609.5, 887.0],
        "Wind": [210.1, 281.7, 328.5, 365.4, 441.3, 520.7],
    },
    "DEU": {
        "Bioenergy": [10.1, 10.2, 10.3, 10.3, 10.4, 10.4], "Coal": [44.1, 40.6, 38.1, 38.6, 35.2, 31.9],
        "Gas": [30.1, 30.5, 31.0, 31.7, 32.2, 32.9], "Hydro": [5.6, 5.6, 5.6, 5.6, 5.6, 5.6],
        "Nuclear": [9.5, 8.1, 8.1, 4.1, 0.0, 0.0], "Other Fossil": [None, 4.5, 4.4, 4.3, 4.2, 4.1],
        "Other Renewables": [0.04, 0.04, 0.05, 0.05, 0.05, 0.05], "Solar": [49.0, 54.4, 60.1, 67.4, 82.2, 99.3],
        "Wind": [61.4, 62.2, 63.9, 66.3, 69.5, 72.7],
    },
    "IND": {
        "Bioenergy": [10.5, 10.7, 10.8, 10.9, 11.0, 11.2], "Coal": [205.1, 209.3, 210.7, 214.6, 218.0, 222.7],
        "Gas": [24.9, 25.0, 24.9, 24.8, 24.8, 24.8], "Hydro": [45.4, 45.7, 46.5, 46.9, 46.9, 47.0],
        "Nuclear": [6.8, 6.8, 6.8, 6.8, 7.5, 8.2], "Other Fossil": [0.5, 0.5, 0.5, 0.6, 0.6, 0.6],
        "Other Renewables": [0.01, 0.01, None, 0.01, 0.01, 0.02], "Solar": [34.6, 39.2, 49.3, 63.1, 73.3, 97.9],
        "Wind": [37.5, 38.6, 40.4, 41.9, 44.7, 48.2],
    },
    "USA": {
        "Bioenergy": [12.4, 12.2, 12.0, 11.8, 11.6, 11.4], "Coal": [229.9, 218.6, 211.5, 200.6, 188.4, 178.1],
        "Gas": [480.1, 485.3, 490.0, 492.6, 498.8, 503.2], "Hydro": [83.6, 83.7, 83.8, 83.8, 83.9, 84.0],
        "Nuclear": [98.3, 96.5, 95.5, 94.8, 95.9, 96.9], "Other Fossil": [34.8, 33.9, 33.0, 32.2, 31.5, 30.7],
        "Other Renewables": [2.6, 2.6, 2.7, 2.7, 2.7, 2.8], "Solar": [62.3, 75.6, 93.7, 111.5, 139.0, 177.1],
        "Wind": [103.6, 117.7, 132.7, 140.9, 147.5, 153.0],
    },
}


def capacity(iso3, fuel, year):
    return CAPACITY[iso3][fuel][YEARS.index(year)]


def total(values):
    present = [v for v in values if v is not None]
    return round(sum(present), 3) if present else None


def aggregate(iso3, name, year):
    return total([capacity(iso3, f, year) for f in AGGREGATES[name]])


def region_capacity(fuel, year):
    return total([capacity(iso3, fuel, year) for iso3 in ("CHN", "IND")])


def generation(iso3, fuel, year):
    gw = capacity(iso3, fuel, year)
    return None if gw is None else round(gw * CAPACITY_FACTOR[fuel] * 8.76, 2)


def number(value):
    if value is None:
        return ""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text if "." in text else text + ".0"


def yoy(value, previous):
    if value is None or previous is None:
        return "", ""
    change = number(round(value - previous, 3))
    percent = "" if previous == 0 else f"{(value - previous) / previous * 100:.2f}"
    return change, percent


def long_rows(area, series):
    """series(category, subcategory, variable, unit) -> list of values by year, or None to leave it out."""
    name, iso3, area_type, continent, region, eu, oecd, g20, g7, asean = area
    rows = []
    keys = series(None)
    for year in YEARS:
        for category, subcategory, variable, unit in keys:
            values = series((category, subcategory, variable, unit))
            value = values[YEARS.index(year)]
            previous = values[YEARS.index(year) - 1] if year > YEARS[0] else None
            change, percent = yoy(value, previous)
            rows.append([name, iso3, year, area_type, continent, region, eu, oecd, g20, g7, asean,
                         category, subcategory, variable, unit, number(value), change, percent])
    return rows


def country_series(iso3):
    def series(key):
        if key is None:
            return (
                [("Capacity", "Aggregate fuel", a, "GW") for a in AGGREGATES]
                + [("Capacity", "Fuel", f, "GW") for f in FUELS]
                + [("Electricity demand", "Demand", "Demand", "TWh")]
                + [("Electricity generation", "Aggregate fuel", "Fossil", "TWh")]
                + [("Electricity generation", "Fuel", f, "TWh") for f in ("Coal", "Gas", "Solar", "Wind")]
                + [("Electricity generation", "Fuel", f, "%") for f in ("Coal", "Solar")]
                + [("Electricity generation", "Total", "Total Generation", "TWh")]
                + [("Power sector emissions", "Total", "Total emissions", "mtCO2")]
            )
        category, subcategory, variable, unit = key
        if category == "Capacity":
            if subcategory == "Fuel":
                return [capacity(iso3, variable, y) for y in YEARS]
            return [aggregate(iso3, variable, y) for y in YEARS]
        totals = [total([generation(iso3, f, y) for f in FUELS]) for y in YEARS]
        if variable == "Total Generation":
            return totals
        if variable == "Demand":
            return [round(t * 1.01, 2) for t in totals]
        if variable == "Total emissions":
            return [round(sum(generation(iso3, f, y) or 0 for f in ("Coal", "Gas", "Other Fossil")) * 0.8, 2) for y in YEARS]
        if variable == "Fossil":
            return [total([generation(iso3, f, y) for f in AGGREGATES["Fossil"]]) for y in YEARS]
        if unit == "%":
            return [round(generation(iso3, variable, y) / t * 100, 2) for y, t in zip(YEARS, totals)]
        return [generation(iso3, variable, y) for y in YEARS]
    return series


def region_series(key):
    if key is None:
        return [("Capacity", "Fuel", f, "GW") for f in ("Coal", "Solar", "Wind")]
    return [region_capacity(key[2], y) for y in YEARS]


def write_long():
    os.makedirs(SNAPSHOT, exist_ok=True)
    with open(os.path.join(SNAPSHOT, LONG_FILE), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["Area", "ISO 3 code", "Year", "Area type", "Continent", "Ember region", "EU", "OECD", "G20", "G7",
                         "ASEAN", "Category", "Subcategory", "Variable", "Unit", "Value", "YoY absolute change", "YoY % change"])
        for area in sorted(AREAS + [REGION]):
            series = region_series if area is REGION else country_series(area[1])
            writer.writerows(long_rows(area, series))
    index = {
        "origin": "sample",
        "sample_of": {"dataset": "Ember Yearly Electricity Data (long format)", "publisher": "Ember",
                      "documentation_url": "https://ember-energy.org/data/yearly-electricity-data/"},
        "description": "Ember yearly electricity data: an excerpt of the long-format release (four countries, one region, 2019-2024; capacity, generation, demand and emissions rows), written by tools/snapshot/make_ember_snapshot.py in the real format. An offline run answers the source's request from this file.",
        "settings": {},
        "routes": [{"url": URL, "query": {}, "file": LONG_FILE}],
    }
    with open(os.path.join(SNAPSHOT, "snapshot.json"), "w") as f:
        json.dump(index, f, indent=2)
        f.write("\n")


def write_wide():
    os.makedirs(FIXTURES, exist_ok=True)
    with open(os.path.join(FIXTURES, WIDE_FILE), "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["Area", "ISO 3 code", "Year", "Area type", "Continent", "Ember region", "Electricity source",
                         "Is aggregated source", "Generation (TWh)", "Share of generation (%)", "Capacity (GW)",
                         "Emissions (MtCO2e)"])
        for area in sorted(AREAS + [REGION]):
            name, iso3, area_type, continent, region = area[:5]
            for year in YEARS:
                if area is REGION:
                    for fuel in ("Coal", "Solar", "Wind"):
                        writer.writerow([name, iso3, year, "Region", continent, region, fuel, "False", "", "",
                                         number(region_capacity(fuel, year)), ""])
                    continue
                gen_total = total([generation(iso3, fuel, year) for fuel in FUELS])
                for fuel in FUELS:
                    g = generation(iso3, fuel, year)
                    share = "" if g is None else f"{g / gen_total * 100:.2f}"
                    emissions = "" if g is None or fuel not in AGGREGATES["Fossil"] else number(round(g * 0.8, 2))
                    writer.writerow([name, iso3, year, "Country or economy", continent, region, fuel, "False",
                                     number(g), share, number(capacity(iso3, fuel, year)), emissions])
                for name_agg, members in AGGREGATES.items():
                    g = total([generation(iso3, m, year) for m in members])
                    writer.writerow([name, iso3, year, "Country or economy", continent, region, name_agg, "True",
                                     number(g), f"{(g or 0) / gen_total * 100:.2f}", number(aggregate(iso3, name_agg, year)), ""])
                writer.writerow([name, iso3, year, "Country or economy", continent, region, "Net imports", "False",
                                 number(round(gen_total * 0.01, 2)), "", "", ""])
                writer.writerow([name, iso3, year, "Country or economy", continent, region, "Total generation", "True",
                                 number(gen_total), "100.00", number(total([capacity(iso3, f, year) for f in FUELS])), ""])


if __name__ == "__main__":
    write_long()
    write_wide()
