#!/usr/bin/env python3
"""Writes the EIA-860M part of the bundled snapshot: six monthly workbooks (vintages) in the real layout.

  - eia860m/{january_generator2023..2026, july_generator2026}.xlsx: the earlier vintages, derived
    from August 2026 by eia860m_vintages.py so that planned units come online, slip, are canceled
    and vanish between them; January 2023 in the early workbooks' header layout.

  - eia860m/august_generator2026.xlsx: the sheets Operating, Planned, Retired and
    Canceled or Postponed, plus a Puerto Rico sheet (which the pipeline leaves out). Each sheet
    has the title rows EIA puts above the header (two on Operating and Planned, one on the others),
    the header row with EIA's column names, the generators, and the note rows EIA puts below.
    Quirks kept: status cells written "(OP) Operating" on one sheet and as bare codes in places,
    generator ids "01", "GT1" and numeric cells such as 1, blank numbers written as a single space.
  - eia860m/snapshot.json: the routes that answer the workbooks' live URLs and the settings that
    pin Sources:Eia860m:Vintages and Month (2026-08), so that an offline run asks for exactly these months.

The plants are invented (names, ids, places): a few dozen generators across technologies,
statuses and states, planned units coming online 2026-2030 and planned retirements. They are
not EIA's data. The .xlsx parts are the ones tests/AiEnergyPipeline.TestKit/XlsxWriter.cs
writes; entries carry a fixed date so that reruns give the same bytes.
Run from the repository root: python3 tools/snapshot/make_eia860m_snapshot.py
"""
import json
import os
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.join("functions", "AiEnergyPipeline", "snapshot", "eia860m")
from eia860m_vintages import NEW_OPERATING, VINTAGES, derive

MONTH_NAME, YEAR, MONTH = "august", 2026, 8
FILE_NAME = f"{MONTH_NAME}_generator{YEAR}.xlsx"
URL = f"https://www.eia.gov/electricity/data/eia860m/xls/{FILE_NAME}"
# Dropped from, and renamed in, the header of a vintage written in the early layout.
OLD_LAYOUT_DROPPED = {"Balancing Authority Code", "Net Winter Capacity (MW)", "Unit Code"}
OLD_LAYOUT_RENAMED = {"Sector": "Sector Name"}
BLANK = " "  # EIA writes many empty numbers as a single space

OPERATING_STATUS = {
    "OP": "(OP) Operating",
    "SB": "(SB) Standby/Backup: available for service but not normally used",
    "OS": "(OS) Out of service and NOT expected to return to service in next calendar year",
    "OA": "(OA) Out of service but expected to return to service in next calendar year",
}
PLANNED_STATUS = {
    "P": "(P) Planned for installation but regulatory approvals not initiated",
    "L": "(L) Regulatory approvals pending. Not under construction",
    "T": "(T) Regulatory approvals received. Not under construction",
    "U": "(U) Under construction, less than or equal to 50 percent complete",
    "V": "(V) Under construction, more than 50 percent complete",
    "TS": "(TS) Construction complete, but not yet in commercial operation",
    "OT": "(OT) Other",
}
CANCELED_STATUS = {"CN": "(CN) Cancelled", "IP": "(IP) Indefinitely postponed"}

COMMON_HEAD = ["Entity ID", "Entity Name", "Plant ID", "Plant Name", "Plant State", "County",
               "Balancing Authority Code", "Sector", "Generator ID", "Unit Code", "Nameplate Capacity (MW)",
               "Net Summer Capacity (MW)", "Net Winter Capacity (MW)", "Technology", "Energy Source Code",
               "Prime Mover Code"]
OPERATING_HEAD = COMMON_HEAD + ["Operating Month", "Operating Year", "Planned Retirement Month",
                                "Planned Retirement Year", "Status", "Nameplate Energy Capacity (MWh)",
                                "DC Net Capacity (MW)", "Planned Derate Year", "Planned Derate Month",
                                "Planned Derate of Summer Capacity (MW)", "Planned Uprate Year",
                                "Planned Uprate Month", "Planned Uprate of Summer Capacity (MW)", "Latitude",
                                "Longitude"]
PLANNED_HEAD = COMMON_HEAD + ["Planned Operation Month", "Planned Operation Year", "Status",
                              "Nameplate Energy Capacity (MWh)", "DC Net Capacity (MW)", "Latitude", "Longitude"]
RETIRED_HEAD = COMMON_HEAD + ["Retirement Month", "Retirement Year", "Operating Month", "Operating Year",
                              "Nameplate Energy Capacity (MWh)", "DC Net Capacity (MW)", "Latitude", "Longitude"]
CANCELED_HEAD = COMMON_HEAD + ["Planned Operation Month", "Planned Operation Year", "Status",
                               "Nameplate Energy Capacity (MWh)", "DC Net Capacity (MW)", "Latitude", "Longitude"]

# Invented plants: id, name, state, county, balancing authority, sector, entity id, entity name, latitude, longitude.
PLANTS = {
    61001: ("Harlan Creek", "KY", "Muhlenberg", "TVA", "Electric Utility", 90101, "Bluegrass Power Cooperative", 37.21, -87.14),
    61002: ("Cedar Ridge Energy Center", "TX", "Ector", "ERCO", "IPP Non-CHP", 90102, "Permian Generation LLC", 31.87, -102.43),
    61003: ("Millbrook Station", "PA", "Armstrong", "PJM", "IPP Non-CHP", 90103, "Allegheny Valley Power LLC", 40.79, -79.48),
    61004: ("Sandhill Solar", "CA", "Kern", "CISO", "IPP Non-CHP", 90104, "Mojave Sun Holdings LLC", 35.04, -118.21),
    61005: ("Prairie Wind Farm", "IA", "Kossuth", "MISO", "Electric Utility", 90105, "Northern Prairie Electric Co", 43.21, -94.22),
    61006: ("Ocean Gate Nuclear", "NJ", "Salem", "PJM", "IPP Non-CHP", 90106, "Delaware Bay Nuclear LLC", 39.46, -75.53),
    61007: ("Granite Falls Hydro", "WA", "Chelan", "BPAT", "Electric Utility", 90107, "Cascade Public Utility District", 47.83, -120.02),
    61008: ("Blue Ridge Pumped Storage", "VA", "Bath", "PJM", "Electric Utility", 90108, "Old Dominion Hydro Co", 38.21, -79.80),
    61009: ("Desert Sky Storage", "AZ", "Maricopa", "AZPS", "IPP Non-CHP", 90109, "Sonoran Storage LLC", 33.35, -112.86),
    61010: ("Bay State Offshore Wind", "MA", "Barnstable", "ISNE", "IPP Non-CHP", 90110, "Nantucket Sound Wind LLC", 41.06, -70.45),
    61011: ("Magma Springs", "NV", "Churchill", "NEVP", "IPP Non-CHP", 90111, "Great Basin Geothermal Inc", 39.56, -118.55),
    61012: ("Pinewood Biomass", "GA", "Ware", "SOCO", "IPP Non-CHP", 90112, "Okefenokee Renewables LLC", 31.21, -82.35),
    61013: ("Riverside Landfill Gas", "OH", "Franklin", "PJM", "Commercial Non-CHP", 90113, "Central Ohio Waste Authority", 39.88, -83.01),
    61014: ("Harbor Point Peaker", "NY", "Kings", "NYIS", "IPP Non-CHP", 90114, "Gotham Peaking Power LLC", 40.66, -74.01),
    61015: ("Lakeshore Steam", "MI", "Monroe", "MISO", "Electric Utility", 90115, "Great Lakes Energy Co", 41.89, -83.35),
    61016: ("Mesa Verde Engines", "CO", "Weld", "PSCO", "Electric Utility", 90116, "Front Range Electric", 40.42, -104.70),
    61017: ("Sunbelt Thermal", "CA", "San Bernardino", "CISO", "IPP Non-CHP", 90117, "Mojave Sun Holdings LLC", 35.01, -117.56),
    61018: ("Red River Energy Park", "OK", "Caddo", "SWPP", "Electric Utility", 90118, "Plains Electric Cooperative", 35.17, -98.24),
    61019: ("Gulf Coast Refinery Cogen", "LA", "Calcasieu", "MISO", "Industrial CHP", 90119, "Bayou Refining Co", 30.19, -93.29),
    61020: ("Tidewater Diesel", "NC", "Dare", "DUK", "Electric Utility", 90120, "Outer Banks Electric Membership Corp", 35.91, -75.67),
    61021: ("Copper Basin Solar and Storage", "AZ", "Pinal", "SRP", "IPP Non-CHP", 90121, "Copper Basin Energy LLC", 32.95, -111.46),
    61022: ("Big Horn Wind", "WY", "Carbon", "PACE", "IPP Non-CHP", 90122, "High Plains Wind LLC", 41.78, -106.58),
    61023: ("Sabine Pass Power", "TX", "Jefferson", "ERCO", "IPP Non-CHP", 90123, "Coastal Bend Generation LLC", 29.86, -93.94),
    61024: ("Hudson Valley Flywheel", "NY", "Dutchess", "NYIS", "IPP Non-CHP", 90124, "Rondout Grid Services LLC", 41.70, -73.92),
    61025: ("Black Mesa Coke", "IN", "Lake", "MISO", "Industrial CHP", 90125, "Calumet Steel Works", 41.63, -87.46),
    61026: ("Valley Fuel Cell", "CT", "New Haven", "ISNE", "Commercial Non-CHP", 90126, "Elm City Microgrid LLC", 41.31, -72.92),
    61027: ("Appalachian Gasification", "WV", "Mason", "PJM", "Electric Utility", 90127, "Allegheny Valley Power LLC", 38.93, -82.11),
    61028: ("Salt Cavern Air Storage", "AL", "Washington", "SOCO", "Electric Utility", 90128, "Gulf States Power Co", 31.26, -88.01),
}


def plant_cells(plant_id):
    name, state, county, ba, sector, entity_id, entity, _, _ = PLANTS[plant_id]
    return [entity_id, entity, plant_id, name, state, county, ba, sector]


def location(plant_id):
    return list(PLANTS[plant_id][7:9])


def common(plant_id, generator_id, unit, nameplate, summer, winter, technology, energy, prime_mover):
    return plant_cells(plant_id) + [generator_id, unit, nameplate, summer, winter, technology, energy, prime_mover]


# plant, generator id (a number where EIA writes a numeric cell), unit, nameplate, summer, winter,
# technology, energy source, prime mover, operating month, year, planned retirement month, year, status, MWh, DC MW
OPERATING = [
    (61001, 1, BLANK, 650.0, 601.5, 612.0, "Conventional Steam Coal", "BIT", "ST", 6, 1976, 12, 2028, "OP", BLANK, BLANK),
    (61001, 2, BLANK, 650.0, 598.0, 610.0, "Conventional Steam Coal", "BIT", "ST", 4, 1978, 12, 2028, "OP", BLANK, BLANK),
    (61002, "CT1", "CC1", 240.5, 215.0, 232.4, "Natural Gas Fired Combined Cycle", "NG", "CT", 5, 2012, None, None, "OP", BLANK, BLANK),
    (61002, "CT2", "CC1", 240.5, 215.0, 232.4, "Natural Gas Fired Combined Cycle", "NG", "CT", 5, 2012, None, None, "OP", BLANK, BLANK),
    (61002, "ST1", "CC1", 310.0, 290.3, 298.8, "Natural Gas Fired Combined Cycle", "NG", "CA", 7, 2012, None, None, "OP", BLANK, BLANK),
    (61002, "GT1", BLANK, 85.0, 72.1, 80.6, "Natural Gas Fired Combustion Turbine", "NG", "GT", 6, 2001, None, None, "SB", BLANK, BLANK),
    (61003, "01", BLANK, 425.0, 410.0, 415.0, "Conventional Steam Coal", "BIT", "ST", 11, 1967, 5, 2027, "OP", BLANK, BLANK),
    (61003, "02", BLANK, 425.0, 405.0, 412.0, "Conventional Steam Coal", "BIT", "ST", 3, 1968, 5, 2027, "OA", BLANK, BLANK),
    (61004, "SHS1", BLANK, 150.0, 148.5, 150.0, "Solar Photovoltaic", "SUN", "PV", 9, 2019, None, None, "OP", BLANK, 150.0),
    (61004, "SHS2", BLANK, 100.0, 99.0, 100.0, "Solar Photovoltaic", "SUN", "PV", 12, 2021, None, None, "OP", BLANK, 130.0),
    (61005, "PW1", BLANK, 201.6, 201.6, 201.6, "Onshore Wind Turbine", "WND", "WT", 10, 2016, None, None, "OP", BLANK, BLANK),
    (61006, 1, BLANK, 1170.0, 1139.0, 1158.0, "Nuclear", "NUC", "ST", 6, 1977, None, None, "OP", BLANK, BLANK),
    (61006, 2, BLANK, 1170.0, 1134.0, 1152.0, "Nuclear", "NUC", "ST", 10, 1981, None, None, "OP", BLANK, BLANK),
    (61007, "1", BLANK, 88.2, 90.0, 86.0, "Conventional Hydroelectric", "WAT", "HY", 8, 1963, None, None, "OP", BLANK, BLANK),
    (61007, "2", BLANK, 88.2, 90.0, 86.0, "Conventional Hydroelectric", "WAT", "HY", 8, 1963, None, None, "OS", BLANK, BLANK),
    (61008, "U1", BLANK, 500.0, 480.0, 480.0, "Hydroelectric Pumped Storage", "WAT", "PS", 12, 1985, None, None, "OP", BLANK, BLANK),
    (61009, "BESS1", BLANK, 200.0, 200.0, 200.0, "Batteries", "MWH", "BA", 6, 2023, None, None, "OP", 800.0, BLANK),
    (61011, "GEN1", BLANK, 45.0, 38.5, 42.0, "Geothermal", "GEO", "BT", 1, 2010, None, None, "OP", BLANK, BLANK),
    (61012, "1", BLANK, 55.5, 50.0, 51.0, "Wood/Wood Waste Biomass", "WDS", "ST", 2, 2013, None, None, "OP", BLANK, BLANK),
    (61013, "IC1", BLANK, 3.2, 3.0, 3.0, "Landfill Gas", "LFG", "IC", 4, 2009, None, None, "OP", BLANK, BLANK),
    (61013, "IC2", BLANK, 3.2, 3.0, 3.0, "Landfill Gas", "LFG", "IC", 4, 2009, None, None, "OP", BLANK, BLANK),
    (61014, "GT1", BLANK, 47.0, 40.0, 46.0, "Natural Gas Fired Combustion Turbine", "NG", "GT", 6, 1971, 6, 2029, "OP", BLANK, BLANK),
    (61014, "GT2", BLANK, 47.0, 40.0, 46.0, "Petroleum Liquids", "DFO", "GT", 6, 1971, 6, 2029, "SB", BLANK, BLANK),
    (61015, "5", BLANK, 375.0, 355.0, 360.0, "Natural Gas Steam Turbine", "NG", "ST", 9, 1972, 12, 2030, "OP", BLANK, BLANK),
    (61016, "E1", BLANK, 18.8, 18.2, 18.5, "Natural Gas Internal Combustion Engine", "NG", "IC", 5, 2018, None, None, "OP", BLANK, BLANK),
    (61017, "ST1", BLANK, 110.0, 110.0, 95.0, "Solar Thermal without Energy Storage", "SUN", "ST", 12, 2014, None, None, "OP", BLANK, BLANK),
    (61019, "COG1", BLANK, 95.0, 82.0, 88.0, "Other Gases", "OG", "CT", 3, 2004, None, None, "OP", BLANK, BLANK),
    (61020, "D1", BLANK, 2.5, 2.0, 2.0, "Petroleum Liquids", "DFO", "IC", 7, 1995, None, None, "OP", BLANK, BLANK),
    (61024, "FW1", BLANK, 20.0, 20.0, 20.0, "Flywheels", "MWH", "FW", 1, 2011, None, None, "OP", 5.0, BLANK),
    (61025, "B1", BLANK, 60.0, 52.0, 55.0, "Petroleum Coke", "PC", "ST", 10, 1985, None, None, "OP", BLANK, BLANK),
    (61026, "FC1", BLANK, 14.9, 14.0, 14.0, "Other Natural Gas", "NG", "FC", 11, 2016, None, None, "OP", BLANK, BLANK),
    (61027, "IG1", "IGCC", 618.0, 582.0, 600.0, "Coal Integrated Gasification Combined Cycle", "BIT", "CT", 6, 2013, None, None, "OP", BLANK, BLANK),
    (61028, "CAES1", BLANK, 110.0, 110.0, 110.0, "Natural Gas with Compressed Air Storage", "NG", "CE", 5, 1991, None, None, "OP", BLANK, BLANK),
    (61012, "MSW1", BLANK, 22.0, 19.5, 20.0, "Municipal Solid Waste", "MSB", "ST", 8, 1990, None, None, "OP", BLANK, BLANK),
    (61019, "ALT1", BLANK, 4.0, 3.6, 3.6, "All Other", "WH", "OT", 2, 2008, None, None, "OP", BLANK, BLANK),
    (61013, "DG1", BLANK, 1.6, 1.5, 1.5, "Other Waste Biomass", "OBG", "IC", 9, 2015, None, None, "OP", BLANK, BLANK),
] + NEW_OPERATING

# plant, generator id, unit, nameplate, summer, winter, technology, energy, prime mover,
# planned operation month, year, status, MWh, DC MW
PLANNED = [
    (61004, "SHS3", BLANK, 200.0, 200.0, 200.0, "Solar Photovoltaic", "SUN", "PV", 11, 2026, "V", BLANK, 260.0),
    (61004, "SHB3", BLANK, 100.0, 100.0, 100.0, "Batteries", "MWH", "BA", 11, 2026, "V", 400.0, BLANK),
    (61005, "PW2", BLANK, 300.0, 300.0, 300.0, "Onshore Wind Turbine", "WND", "WT", 12, 2027, "T", BLANK, BLANK),
    (61009, "BESS2", BLANK, 250.0, 250.0, 250.0, "Batteries", "MWH", "BA", 6, 2027, "U", 1000.0, BLANK),
    (61010, "OW1", BLANK, 400.0, 400.0, 400.0, "Offshore Wind Turbine", "WND", "WS", 9, 2028, "U", BLANK, BLANK),
    (61010, "OW2", BLANK, 400.0, 400.0, 400.0, "Offshore Wind Turbine", "WND", "WS", 6, 2029, "L", BLANK, BLANK),
    (61018, "CT1", "CC2", 380.0, 350.0, 372.0, "Natural Gas Fired Combined Cycle", "NG", "CT", 5, 2028, "U", BLANK, BLANK),
    (61018, "CA1", "CC2", 220.0, 205.0, 212.0, "Natural Gas Fired Combined Cycle", "NG", "CA", 5, 2028, "U", BLANK, BLANK),
    (61018, "GT5", BLANK, 237.0, 225.0, 235.0, "Natural Gas Fired Combustion Turbine", "NG", "GT", 6, 2027, "T", BLANK, BLANK),
    (61021, "PV1", BLANK, 300.0, 300.0, 300.0, "Solar Photovoltaic", "SUN", "PV", 4, 2027, "TS", BLANK, 390.0),
    (61021, "ES1", BLANK, 300.0, 300.0, 300.0, "Batteries", "MWH", "BA", 4, 2027, "TS", 1200.0, BLANK),
    (61022, "BHW1", BLANK, 504.0, 504.0, 504.0, "Onshore Wind Turbine", "WND", "WT", 10, 2026, "V", BLANK, BLANK),
    (61023, "CT1", "CC1", 420.0, 400.0, 412.0, "Natural Gas Fired Combined Cycle", "NG", "CT", 6, 2029, "P", BLANK, BLANK),
    (61023, "ST1", "CC1", 330.0, 315.0, 320.0, "Natural Gas Fired Combined Cycle", "NG", "CA", 6, 2029, "P", BLANK, BLANK),
    (61011, "GEN2", BLANK, 30.0, 26.0, 28.0, "Geothermal", "GEO", "BT", 3, 2028, "L", BLANK, BLANK),
    (61016, "E2", BLANK, 18.8, 18.2, 18.5, "Natural Gas Internal Combustion Engine", "NG", "IC", 1, 2027, "OT", BLANK, BLANK),
    (61006, "SMR1", BLANK, 300.0, 285.0, 290.0, "Nuclear", "NUC", "ST", 12, 2030, "P", BLANK, BLANK),
    (61007, "3", BLANK, 45.0, 46.0, 44.0, "Conventional Hydroelectric", "WAT", "HY", 7, 2030, "P", BLANK, BLANK),
    (61002, "BESS1", BLANK, 150.0, 150.0, 150.0, "Batteries", "MWH", "BA", 8, 2026, "TS", 600.0, BLANK),
    (61017, "ST2", BLANK, 100.0, 100.0, 90.0, "Solar Thermal with Energy Storage", "SUN", "ST", 10, 2029, "P", BLANK, BLANK),
]

# plant, generator id, unit, nameplate, summer, winter, technology, energy, prime mover,
# retirement month, year, operating month, year
RETIRED = [
    (61001, 3, BLANK, 250.0, 230.0, 235.0, "Conventional Steam Coal", "BIT", "ST", 5, 2025, 1, 1959),
    (61003, "03", BLANK, 180.0, 170.0, 172.0, "Conventional Steam Coal", "SUB", "ST", 6, 2026, 7, 1955),
    (61014, "GT3", BLANK, 16.0, 13.0, 15.0, "Petroleum Liquids", "DFO", "GT", 4, 2026, 5, 1970),
    (61015, "4", BLANK, 150.0, 140.0, 142.0, "Natural Gas Steam Turbine", "NG", "ST", 12, 2025, 6, 1958),
    (61020, "D0", BLANK, 1.0, 0.8, 0.8, "Petroleum Liquids", "DFO", "IC", 1, 2026, 3, 1980),
    (61007, "0", BLANK, 12.0, 12.0, 11.0, "Conventional Hydroelectric", "WAT", "HY", 2, 2025, 1, 1921),
]

# plant, generator id, unit, nameplate, summer, winter, technology, energy, prime mover,
# planned operation month, year, status
CANCELED = [
    (61005, "PW3", BLANK, 150.0, 150.0, 150.0, "Onshore Wind Turbine", "WND", "WT", 12, 2026, "CN"),
    (61010, "OW3", BLANK, 400.0, 400.0, 400.0, "Offshore Wind Turbine", "WND", "WS", 12, 2030, "IP"),
    (61018, "GT6", BLANK, 237.0, 225.0, 235.0, "Natural Gas Fired Combustion Turbine", "NG", "GT", 6, 2028, "CN"),
    (61021, "PV2", BLANK, 150.0, 150.0, 150.0, "Solar Photovoltaic", "SUN", "PV", 3, 2027, None),
]

PUERTO_RICO = [
    (99501, "Isla Verde Solar", "PR", "Carolina", 40.0, "Solar Photovoltaic", "SUN", "PV", "(OP) Operating"),
    (99502, "Bahia Power", "PR", "Guayama", 454.0, "Conventional Steam Coal", "BIT", "ST", "(OP) Operating"),
]

NOTES = [
    ["NOTES:"],
    ["Data for the most recent months are preliminary and may be revised; see the Form EIA-860M documentation for definitions of the codes."],
    ["SAMPLE DATA, NOT REAL: written by AiEnergyPipeline in the layout of Form EIA-860M, 'Monthly Update to the Annual Electric Generator Report'; the plants are invented, not EIA's."],
]


def title(sheet_title, two_rows, month_name=MONTH_NAME, year=YEAR):
    rows = [["SAMPLE DATA, NOT REAL (AiEnergyPipeline), in the layout of the U.S. Energy Information Administration" if two_rows else f"{sheet_title} as of {month_name.title()} {year}"]]
    if two_rows:
        rows.append([f"Preliminary Monthly Electric Generator Inventory (based on Form EIA-860M as a supplement to Form EIA-860): {sheet_title}, {month_name.title()} {year}"])
    return rows


def operating_sheet(units=OPERATING, month_name=MONTH_NAME, year=YEAR):
    rows = title("Operating Generators", True, month_name, year) + [OPERATING_HEAD]
    for i, (plant, gen, unit, nameplate, summer, winter, tech, energy, pm, om, oy, rm, ry, status, mwh, dc) in enumerate(units):
        # Most statuses carry their description; a few are bare codes, as some months write them.
        status_cell = status if i % 9 == 4 else OPERATING_STATUS[status]
        rows.append(common(plant, gen, unit, nameplate, summer, winter if i % 7 else BLANK, tech, energy, pm)
                    + [om, oy, rm if rm else BLANK, ry if ry else BLANK, status_cell, mwh, dc,
                       BLANK, BLANK, BLANK, BLANK, BLANK, BLANK] + location(plant))
    return rows + [[]] + NOTES


def planned_sheet(units=PLANNED, month_name=MONTH_NAME, vintage_year=YEAR):
    rows = title("Planned Generators", True, month_name, vintage_year) + [PLANNED_HEAD]
    for plant, gen, unit, nameplate, summer, winter, tech, energy, pm, month, year, status, mwh, dc in units:
        rows.append(common(plant, gen, unit, nameplate, summer, winter, tech, energy, pm)
                    + [month, year, PLANNED_STATUS[status], mwh, dc] + location(plant))
    return rows + NOTES


def retired_sheet(units=RETIRED, month_name=MONTH_NAME, year=YEAR):
    rows = title("Retired Generators", False, month_name, year) + [RETIRED_HEAD]
    for plant, gen, unit, nameplate, summer, winter, tech, energy, pm, rm, ry, om, oy in units:
        rows.append(common(plant, gen, unit, nameplate, summer, winter, tech, energy, pm)
                    + [rm, ry, om, oy, BLANK, BLANK] + location(plant))
    return rows + NOTES


def canceled_sheet(units=CANCELED, month_name=MONTH_NAME, vintage_year=YEAR):
    rows = title("Canceled or Postponed Generators", False, month_name, vintage_year) + [CANCELED_HEAD]
    for plant, gen, unit, nameplate, summer, winter, tech, energy, pm, month, year, status in units:
        rows.append(common(plant, gen, unit, nameplate, summer, winter, tech, energy, pm)
                    + [month, year, CANCELED_STATUS[status] if status else BLANK, BLANK, BLANK] + location(plant))
    return rows + NOTES


def puerto_rico_sheet(month_name=MONTH_NAME, year=YEAR):
    head = ["Entity ID", "Entity Name", "Plant ID", "Plant Name", "Plant State", "County", "Generator ID",
            "Nameplate Capacity (MW)", "Technology", "Energy Source Code", "Prime Mover Code", "Status"]
    rows = [["Puerto Rico generators as of " + f"{month_name.title()} {year}"], head]
    for plant, name, state, county, mw, tech, energy, pm, status in PUERTO_RICO:
        rows.append([90500, "Autoridad de Energia Electrica", plant, name, state, county, "1", mw, tech, energy, pm, status])
    return rows + NOTES


def column(index):
    name = ""
    index += 1
    while index > 0:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def number(value):
    return repr(float(value)).removesuffix(".0") if isinstance(value, float) else str(value)


def write_xlsx(path, sheets):
    strings, index = [], {}
    parts = {}
    for s, (_, rows) in enumerate(sheets):
        xml = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
        for r, row in enumerate(rows, start=1):
            xml.append(f'<row r="{r}">')
            for c, value in enumerate(row):
                ref = f"{column(c)}{r}"
                if value is None:
                    continue
                if isinstance(value, str):
                    if value not in index:
                        index[value] = len(strings)
                        strings.append(value)
                    xml.append(f'<c r="{ref}" t="s"><v>{index[value]}</v></c>')
                else:
                    xml.append(f'<c r="{ref}"><v>{number(value)}</v></c>')
            xml.append("</row>")
        xml.append("</sheetData></worksheet>")
        parts[f"xl/worksheets/sheet{s + 1}.xml"] = "".join(xml)

    overrides = "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        + overrides + "</Types>")
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    parts["xl/workbook.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        + "".join(f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (name, _) in enumerate(sheets))
        + "</sheets></workbook>")
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
        + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings) + "</sst>")

    order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml"]
    order += [f"xl/worksheets/sheet{i + 1}.xml" for i in range(len(sheets))]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=(2026, 9, 24, 0, 0, 0))  # fixed: same bytes on every run
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name].encode("utf-8"))


def old_layout(rows, sheet_title, month_name, year):
    """The sheet in the early workbooks' layout: one title row, some columns missing, one renamed."""
    head_at = next(i for i, r in enumerate(rows) if "Plant ID" in r)
    head = rows[head_at]
    keep = [i for i, h in enumerate(head) if h not in OLD_LAYOUT_DROPPED]
    body = [[r[i] for i in keep if i < len(r)] if len(r) > 1 else r for r in rows[head_at + 1:]]
    return [[f"{sheet_title} as of {month_name.title()} {year}"], [OLD_LAYOUT_RENAMED.get(head[i], head[i]) for i in keep]] + body


def vintage_sheets(month_name, year, month, old):
    operating, planned, retired, canceled = derive((year, month), OPERATING, PLANNED, RETIRED, CANCELED)
    sheets = [
        ("Operating", "Operating Generators", operating_sheet(operating, month_name, year)),
        ("Planned", "Planned Generators", planned_sheet(planned, month_name, year)),
        ("Retired", "Retired Generators", retired_sheet(retired, month_name, year)),
        ("Canceled or Postponed", "Canceled or Postponed Generators", canceled_sheet(canceled, month_name, year)),
    ]
    out = [(name, old_layout(rows, sheet_title, month_name, year) if old else rows) for name, sheet_title, rows in sheets]
    return out + [("Puerto Rico", puerto_rico_sheet(month_name, year))]


def vintage_file(month_name, year):
    return f"{month_name}_generator{year}.xlsx"


def write_index():
    vintages = [(m, y, mo) for m, y, mo, _ in VINTAGES] + [(MONTH_NAME, YEAR, MONTH)]
    settings = {"Sources:Eia860m:Month": f"{YEAR}-{MONTH:02d}"}
    for i, (_, y, mo) in enumerate(vintages):
        settings[f"Sources:Eia860m:Vintages:{i}"] = f"{y}-{mo:02d}"
    # EIA serves a month under xls/ until it moves it to archive/xls/; the sample answers at both, so
    # that the order the source tries them in (by the month's age on the day of the run) does not matter.
    routes = [{"url": f"https://www.eia.gov/electricity/data/eia860m/{folder}/{vintage_file(m, y)}", "query": {}, "file": vintage_file(m, y)}
              for m, y, _ in vintages for folder in ("xls", "archive/xls")]
    index = {
        "origin": "sample",
        "sample_of": {"dataset": "EIA-860M Monthly Update to the Annual Electric Generator Report", "publisher": "EIA",
                      "documentation_url": "https://www.eia.gov/electricity/data/eia860m/"},
        "description": "EIA-860M: six monthly generator workbooks (the vintages January 2023 to 2026, July and August 2026) in the real layout, with invented plants, written by tools/snapshot/make_eia860m_snapshot.py. Between them units come online on time, slip, are canceled and vanish; January 2023 is written in the early workbooks' header layout (Sector Name, no balancing authority, net winter or unit code column). An offline run answers the source's requests for these months from them; the settings pin the vintages and the newest month so that the offline run asks for exactly these rather than searching back from today.",
        "settings": settings,
        "routes": routes,
    }
    with open(os.path.join(ROOT, "snapshot.json"), "w") as f:
        json.dump(index, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    os.makedirs(ROOT, exist_ok=True)
    write_xlsx(os.path.join(ROOT, FILE_NAME), [
        ("Operating", operating_sheet()),
        ("Planned", planned_sheet()),
        ("Retired", retired_sheet()),
        ("Canceled or Postponed", canceled_sheet()),
        ("Puerto Rico", puerto_rico_sheet()),
    ])
    for month_name, year, month, old in VINTAGES:
        write_xlsx(os.path.join(ROOT, vintage_file(month_name, year)), vintage_sheets(month_name, year, month, old))
    write_index()
