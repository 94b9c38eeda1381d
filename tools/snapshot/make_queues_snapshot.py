#!/usr/bin/env python3
"""Writes the interconnection queues part of the bundled snapshot: small files in the real formats.

  - queues/lbnl/LBNL_Ix_Queue_Data_File_thru2025.xlsx: a workbook laid out as LBNL's "Queued Up"
    data file: an Introduction sheet and a summary sheet first, then the data sheet
    "03. Complete Queue Data" with a navigation row and a title row above the header, the
    snake_case columns (q_id, q_status, q_date, ..., type_clean, type1..3, mw1..3) and the quirks
    of the real file: queue dates as unformatted Excel serial numbers, other dates as date cells,
    month-only and year-only dates as text, ids typed as numbers ("254.0" and a numeric cell),
    "NA" for missing values, a line break inside a project name, a 0 MW request, hybrids whose
    second technology (battery) has its own MW.
  - queues/gridstatus/pjm.csv: one ISO's queue (PJM) in the columns gridstatus normalises every
    ISO to, with quoted line breaks in names and comments, "04-2026" and "11/2027" month dates,
    m/d/yyyy and ISO dates with a time, a quoted capacity with a thousands separator, and a blank
    Capacity (MW) where only the summer capacity is given.

The projects are invented, not LBNL's or PJM's. Every row is readable, so that an offline run
quarantines nothing from this source. The ISOs' own files (PJM, CAISO, NYISO, ERCOT, and ISO-NE's page), each in
its ISO's layout, come from queues_iso_samples.py. The zip entries have a fixed time, so the workbook's
bytes are the same on every run.
Run from the repository root: python3 tools/snapshot/make_queues_snapshot.py
"""
import csv
import datetime as dt
import io
import json
import os
import re
import sys
import zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import queues_iso_samples  # noqa: E402
import queues_iso_text_samples  # noqa: E402

ROOT = os.path.join("functions", "AiEnergyPipeline", "snapshot", "queues")
# The sample's addresses: where a real file has no fixed address of its own (LBNL names each edition's
# file anew), the sample is asked for at a name reserved for examples (RFC 2606), never at an
# invented path on the publisher's real host. What each sample imitates is named in its sample_of:
# the dataset, its publisher and the publisher's page that documents it, never a file's address.
LBNL_URL = "https://lbnl.example/queued-up/LBNL_Ix_Queue_Data_File_thru2025.xlsx"
GRIDSTATUS_URL = "https://data.gridstatus.example/interconnection_queues/pjm.csv"
LBNL_FILE = "lbnl/LBNL_Ix_Queue_Data_File_thru2025.xlsx"
GRIDSTATUS_FILE = "gridstatus/pjm.csv"
ZIP_TIME = (2026, 5, 1, 0, 0, 0)
sample_of = queues_iso_samples.sample_of
EXCEL_EPOCH = dt.date(1899, 12, 30)


class Date:
    """A cell written as a date: a number with a date style, as Excel saves a typed-in date."""

    def __init__(self, year, month, day):
        self.value = (dt.date(year, month, day) - EXCEL_EPOCH).days


def serial(year, month, day):
    """A date as LBNL's q_date column holds it: a bare Excel serial number, with no date style."""
    return float((dt.date(year, month, day) - EXCEL_EPOCH).days)


LBNL_HEADER = [
    "q_id", "q_status", "q_date", "ia_date", "wd_date", "on_date", "prop_date", "IA_status_raw", "IA_status_clean",
    "project_name", "developer", "entity", "region", "utility", "county_1", "county_2", "state", "poi_name",
    "type_clean", "type1", "type2", "type3", "mw1", "mw2", "mw3", "q_year", "prop_year",
]

# q_id, q_status, q_date, ia_date, wd_date, on_date, prop_date, IA raw, IA clean, name, developer,
# entity, region, utility, county_1, county_2, state, poi, type_clean, type1, type2, type3, mw1, mw2, mw3
LBNL_ROWS = [
    ["254.0", "active", serial(2021, 3, 15), Date(2024, 6, 3), "NA", "NA", "11/2027", "IA Executed", "IA Executed",
     "Sunny Flats\nSolar + Storage", "NA", "ERCOT", "ERCOT", "Oncor", "Pecos", "NA", "TX", "Sand Lake 345kV",
     "Solar+Battery", "Solar", "Battery", "NA", 300.0, 150.0, "NA"],
    [1187.0, "active", serial(2022, 9, 1), "NA", "NA", "NA", Date(2028, 6, 1), "System Impact Study", "System Impact Study",
     "Prairie Wind II", "NA", "MISO", "MISO", "Xcel Energy", "Lyon", "Lincoln", "MN", "Lyon County 345kV",
     "Wind", "Wind", "NA", "NA", 200.5, "NA", "NA"],
    ["J1021", "active", serial(2023, 4, 17), "NA", "NA", "NA", "04-2029", "Cluster Study", "Cluster Study",
     "Desert Bloom Storage", "NA", "CAISO", "CAISO", "SCE", "Riverside", "NA", "CA", "Red Bluff 500kV",
     "Battery", "Battery", "NA", "NA", 400.0, "NA", "NA"],
    ["GEN-2019-017", "withdrawn", serial(2019, 6, 30), "NA", Date(2022, 2, 11), "NA", "2024", "Withdrawn", "Withdrawn",
     "Red River Gas Peaker", "NA", "SPP", "SPP", "OG&E", "Caddo", "NA", "OK", "Anadarko 138kV",
     "Gas", "Gas", "NA", "NA", 250.0, "NA", "NA"],
    ["Q-1455", "operational", serial(2016, 11, 2), Date(2018, 5, 9), "NA", Date(2021, 12, 20), Date(2021, 10, 1), "Operational", "Operational",
     "Hudson Valley Solar", "NA", "NYISO", "NYISO", "Central Hudson", "Ulster", "NA", "NY", "Hurley Ave 115kV",
     "Solar", "Solar", "NA", "NA", 20.0, "NA", "NA"],
    ["1102", "suspended", serial(2020, 1, 8), "NA", "NA", "NA", "12/2030", "Facility Study", "Facility Study",
     "Gulf of Maine Offshore Wind", "NA", "ISO-NE", "ISO-NE", "Eversource", "NA", "NA", "ME", "Maine Yankee 345kV",
     "Offshore Wind", "Offshore Wind", "NA", "NA", 1200.0, "NA", "NA"],
    # A request with no capacity yet: 0 MW in the source, kept.
    ["PAC-Q2107", "active", serial(2024, 2, 29), "NA", "NA", "NA", "2030", "Not Started", "Not Started",
     "NA", "NA", "PacifiCorp", "West (non-ISO)", "PacifiCorp", "Sweetwater", "NA", "WY", "Aeolus 500kV",
     "Wind+Battery", "Wind", "Battery", "NA", 0.0, 0.0, "NA"],
    ["DEC-788", "active", serial(2023, 8, 21), "NA", "NA", "NA", Date(2029, 12, 1), "Feasibility Study", "Feasibility Study",
     "Catawba Gas Plant", "NA", "Duke", "Southeast (non-ISO)", "Duke Energy Carolinas", "York", "NA", "SC", "Catawba 230kV",
     "Gas", "Gas", "NA", "NA", 1360.0, "NA", "NA"],
    ["GI-2023-31", "active", serial(2023, 1, 31), "NA", "NA", "NA", "06-2027", "IA Pending", "IA Pending",
     "Mesa Verde Solar\r\nand Storage", "NA", "Public Service Co of Colorado", "West (non-ISO)", "Xcel Energy", "Pueblo", "NA", "CO", "Comanche 345kV",
     "Solar+Battery", "Solar", "Battery", "NA", 250.0, 125.0, "NA"],
    ["255.0", "active", serial(2021, 3, 15), "NA", "NA", "NA", "2027-05-31", "Facility Study", "Facility Study",
     "Lone Star Geothermal", "NA", "ERCOT", "ERCOT", "AEP Texas", "Brewster", "NA", "TX", "Alpine 138kV",
     "Geothermal", "Geothermal", "NA", "NA", 50.0, "NA", "NA"],
    [2025.0, "active", serial(2024, 10, 1), "NA", "NA", "NA", "5/15/2031", "Cluster Study", "Cluster Study",
     "Duane Arnold Restart", "NA", "MISO", "MISO", "ITC Midwest", "Linn", "NA", "IA", "Duane Arnold 345kV",
     "Nuclear", "Nuclear", "NA", "NA", 615.0, "NA", "NA"],
    ["J1388", "active", serial(2024, 4, 15), "NA", "NA", "NA", "NA", "Cluster Study", "Cluster Study",
     "Tehachapi Hybrid", "NA", "CAISO", "CAISO", "SCE", "Kern", "NA", "CA", "Windhub 230kV",
     "Solar+Wind+Battery", "Solar", "Wind", "Battery", 150.0, 100.0, 200.0],
]

# The header of the gridstatus normalised queue, in gridstatus' order.
GRIDSTATUS_HEADER = [
    "Queue ID", "Project Name", "Interconnecting Entity", "County", "State", "Interconnection Location",
    "Transmission Owner", "Generation Type", "Capacity (MW)", "Summer Capacity (MW)", "Winter Capacity (MW)",
    "Queue Date", "Status", "Proposed Completion Date", "Withdrawn Date", "Withdrawal Comment", "Actual Completion Date",
]

GRIDSTATUS_ROWS = [
    ["AF1-123", "Keystone Solar\nPhase 2", "Keystone Solar LLC", "Cumberland", "PA", "Cumberland 230 kV",
     "PPL", "Solar; Storage", "120.0", "72.0", "", "2019-10-31", "Active", "04-2026", "", "", ""],
    ["AG1-456", "Chesapeake Offshore Wind", "Chesapeake Wind Partners", "Worcester", "MD", "Ocean Pines 138 kV",
     "Delmarva", "Offshore Wind", "1,200.0", "1200.0", "1200.0", "2020-03-31", "Active", "11/2027", "", "", ""],
    ["AE2-254", "Blue Ridge Gas", "Blue Ridge Power", "Loudoun", "VA", "Brambleton 500 kV",
     "Dominion", "Natural Gas", "", "550.0", "600.0", "2018-09-30", "Withdrawn", "2023-06-01 00:00:00",
     "2021-02-15", "Withdrawn by the customer:\nsite control lost", ""],
    ["AD1-087", "Ohio Valley Storage", "Valley Battery LLC", "Jefferson", "OH", "Tidd 138 kV",
     "AEP", "Storage", "50.0", "50.0", "50.0", "2017-04-30", "Completed", "12/31/2022", "", "", "2022-12-15"],
    ["AH1-701", "Prairie State Wind", "Prairie State Wind LLC", "McLean", "IL", "Brokaw 345 kV",
     "ComEd", "Wind", "300.0", "45.0", "", "2021-09-30", "Active", "2027-11-15", "", "", ""],
    ["AF2-330", "Pocono Hydro Upgrade", "", "Monroe", "PA", "Bushkill 69 kV",
     "Met-Ed", "Hydro", "12.5", "12.5", "12.5", "2019-12-31", "Active", "11/15/2027", "", "", ""],
    ["AG2-019", "Garden State Solar", "Garden State Solar LLC", "Salem", "NJ", "Salem 230 kV",
     "PSEG", "Solar", "0.0", "0.0", "", "2020-09-30", "Active", "06-2028", "", "", ""],
]


def year_of(value):
    """The q_year and prop_year columns: the year of a date cell, serial or text; NA stays NA."""
    if isinstance(value, Date):
        return float((EXCEL_EPOCH + dt.timedelta(days=value.value)).year)
    if isinstance(value, float):
        return float((EXCEL_EPOCH + dt.timedelta(days=int(value))).year)
    return "NA" if value == "NA" else float(re.search(r"\d{4}", value).group(0))


def shared_string_index(strings, index, text):
    if text not in index:
        index[text] = len(strings)
        strings.append(text)
    return index[text]


def column_name(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(ord("A") + r) + name
    return name


def sheet_xml(rows, strings, index):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, start=1):
        out.append(f'<row r="{r}">')
        for c, value in enumerate(row):
            ref = f"{column_name(c)}{r}"
            if value is None:
                continue
            if isinstance(value, Date):
                out.append(f'<c r="{ref}" s="1"><v>{value.value}</v></c>')
            elif isinstance(value, str):
                out.append(f'<c r="{ref}" t="s"><v>{shared_string_index(strings, index, value)}</v></c>')
            else:
                out.append(f'<c r="{ref}"><v>{repr(float(value))}</v></c>')
        out.append("</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)


def write_xlsx(path, sheets):
    strings, index = [], {}
    parts = {}
    for i, (_, rows) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(rows, strings, index)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1))
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        + overrides + "</Types>")
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    parts["xl/workbook.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
        + "".join(f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>' for i, (name, _) in enumerate(sheets, start=1))
        + "</sheets></workbook>")
    n = len(sheets)
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                  for i in range(1, n + 1))
        + f'<Relationship Id="rId{n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        + f'<Relationship Id="rId{n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        + "</Relationships>")
    # Style 1 is the built-in short date format (numFmtId 14): cells with s="1" read as dates.
    parts["xl/styles.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
        '</styleSheet>')
    parts["xl/sharedStrings.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
        + "</sst>")
    order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml"] + \
            [f"xl/worksheets/sheet{i}.xml" for i in range(1, n + 1)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name].encode("utf-8"))


def lbnl_sheets():
    introduction = [
        ["Queued Up: Characteristics of Power Plants Seeking Transmission Interconnection"],
        ["Data file: interconnection requests through the end of 2025 (snapshot written by AiEnergyPipeline; the projects are invented)"],
        [],
        ["Contents"],
        ["01. Introduction", "This sheet"],
        ["02. Summary by Region", "Active capacity by region and status"],
        ["03. Complete Queue Data", "One row per interconnection request"],
        [],
        ["Dates in q_date are Excel serial numbers; prop_date may give only a month or a year."],
    ]
    summary = [
        ["RETURN TO CONTENTS"],
        ["Active capacity (MW) by region"],
        ["region", "q_status", "n_projects", "mw1"],
        ["ERCOT", "active", 2.0, 350.0],
        ["MISO", "active", 2.0, 815.5],
    ]
    data = [["RETURN TO CONTENTS"],
            ["Complete queue data: all interconnection requests, through 2025-12-31"],
            LBNL_HEADER]
    for row in LBNL_ROWS:
        data.append(row + [year_of(row[2]), year_of(row[6])])
    return [("01. Introduction", introduction), ("02. Summary by Region", summary), ("03. Complete Queue Data", data)]


def write_gridstatus(path):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(GRIDSTATUS_HEADER)
    # csv quotes the fields with line breaks and the capacity with a thousands separator.
    writer.writerows(GRIDSTATUS_ROWS)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buffer.getvalue())


def main():
    os.makedirs(os.path.join(ROOT, "lbnl"), exist_ok=True)
    os.makedirs(os.path.join(ROOT, "gridstatus"), exist_ok=True)
    write_xlsx(os.path.join(ROOT, LBNL_FILE), lbnl_sheets())
    write_gridstatus(os.path.join(ROOT, GRIDSTATUS_FILE))
    isos = queues_iso_samples.files(Date)
    for relative, _, _, _, _, sheets in isos:
        os.makedirs(os.path.join(ROOT, os.path.dirname(relative)), exist_ok=True)
        if isinstance(sheets, str):
            with open(os.path.join(ROOT, relative), "w", encoding="utf-8", newline="\n") as f:
                f.write(sheets)
        else:
            write_xlsx(os.path.join(ROOT, relative), sheets)
    settings = {
        "Sources:Queues:Files:0:Url": LBNL_URL,
        "Sources:Queues:Files:0:Format": "lbnl",
        "Sources:Queues:Files:1:Url": GRIDSTATUS_URL,
        "Sources:Queues:Files:1:Format": "gridstatus",
        "Sources:Queues:Files:1:Region": "PJM",
    }
    routes = [
        {"url": LBNL_URL, "query": {}, "file": LBNL_FILE,
         "sample_of": sample_of("LBNL Queued Up: Interconnection Queue Data", "LBNL", "https://emp.lbl.gov/queues")},
        {"url": GRIDSTATUS_URL, "query": {}, "file": GRIDSTATUS_FILE,
         "sample_of": sample_of("PJM interconnection queue in gridstatus form", "PJM", "https://github.com/gridstatus/gridstatus")},
    ]
    texts = queues_iso_text_samples.files()
    for relative, _, _, _, _, text in texts:
        os.makedirs(os.path.join(ROOT, os.path.dirname(relative)), exist_ok=True)
        with open(os.path.join(ROOT, relative), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    for i, (relative, url, query, imitates, fmt, _) in enumerate(isos + texts, start=2):
        full = url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
        settings[f"Sources:Queues:Files:{i}:Url"] = full
        settings[f"Sources:Queues:Files:{i}:Format"] = fmt
        if fmt == "pjm":
            # PJM's export wants a POST with PJM's subscription key; the snapshot answers by URL whatever the method, so a plain GET needs no key.
            settings[f"Sources:Queues:Files:{i}:Method"] = "GET"
        # A route names the address without its query; the query parameters it needs are matched apart.
        routes.append({"url": url.split("?")[0], "query": query, "file": relative, "sample_of": imitates})
    index = {
        "origin": "sample",
        "sample_of": {"dataset": "Interconnection queues"},
        "description": "Interconnection queues: an LBNL Queued Up style workbook, one ISO's queue (PJM) in gridstatus form, "
                       "and the queue files of PJM, CAISO, NYISO, ERCOT, ISO-NE, SPP and MISO each in its ISO's own layout (invented projects), "
                       "written by tools/snapshot/make_queues_snapshot.py in the real formats. An offline run answers the source's "
                       "requests from these files and applies these settings.",
        "settings": settings,
        "routes": routes,
    }
    with open(os.path.join(ROOT, "snapshot.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(index, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
