"""SPP's and MISO's queue files for the bundled snapshot (CSV and JSON), with invented requests.

Imported by make_queues_snapshot.py. The quirks of the real files:
  - SPP: a "Last Updated On" line above the header, a leading space in " Nearest Town or County",
    no project names, statuses such as "IA FULLY EXECUTED/COMMERCIAL OPERATION", "DISIS STAGE",
    "None"; dates as m/d/yyyy. Withdrawn requests are in a file of their own.
  - MISO: the queue API's JSON array, camelCase keys, ISO date-times, every fate in
    applicationStatus (Active, Withdrawn, Done) with withdrawnDate and doneDate.
"""
import csv
import io
import json

from queues_iso_samples import sample_of

SPP_ACTIVE_URL = "https://opsportal.spp.org/Studies/GenerateActiveCSV"
# Not a verified SPP address (no source found shows SPP publishing withdrawn requests alone): SPP's
# summary file, https://opsportal.spp.org/Studies/GenerateSummaryCSV, holds active and withdrawn requests
# together (gridstatus/spp.py). The sample keeps a file of its own to exercise one whose name states its
# fate, asked for at a name reserved for examples rather than at an invented path on SPP's host.
SPP_WITHDRAWN_URL = "https://spp.example/Studies/GenerateWithdrawnCSV"
SPP_PAGE = "https://www.spp.org/engineering/generator-interconnection/"
MISO_URL = "https://www.misoenergy.org/api/giqueue/getprojects"

SPP_ACTIVE_FILE = "spp/spp_GenerateActiveCSV.csv"
SPP_WITHDRAWN_FILE = "spp/spp_GenerateWithdrawnCSV.csv"
MISO_FILE = "miso/miso_getprojects.json"

SPP_HEADER = ["Generation Interconnection Number", " Nearest Town or County", "State", "TO at POI", "Replacement Generator",
              "Capacity", "MAX Summer MW", "MAX Winter MW", "Generation Type", "Fuel Type", "Request Received",
              "Substation or Line", "Status", "In-Service Date", "Commercial Operation Date", "Cessation Date",
              "Current Cluster", "Cluster Group", "Service Type"]

SPP_ACTIVE = [
    ["GEN-2017-088", "Woodward", "OK", "OG&E", "", "250", "250", "250", "Wind", "Wind", "3/31/2017", "Woodward 345kV",
     "IA FULLY EXECUTED/COMMERCIAL OPERATION", "11/1/2020", "12/15/2020", "", "DISIS-2017-001", "Group 1", "ER/NR"],
    ["GEN-2021-034", "Finney", "KS", "Sunflower", "", "200", "200", "200", "Solar", "Solar", "6/30/2021", "Holcomb 345kV",
     "IA FULLY EXECUTED/ON SCHEDULE", "6/1/2026", "12/31/2026", "", "DISIS-2021-001", "Group 7", "ER"],
    ["GEN-2022-101", "Hale", "TX", "SPS", "", "150", "150", "150", "Battery/Storage", "Battery", "3/31/2022", "Tolk 230kV",
     "IA FULLY EXECUTED/ON SUSPENSION", "6/1/2027", "9/1/2027", "", "DISIS-2022-001", "Group 3", "ER"],
    ["GEN-2023-212", "Custer", "NE", "NPPD", "", "300", "300", "300", "Thermal", "Natural Gas", "9/29/2023", "Broken Bow 345kV",
     "DISIS STAGE", "", "6/1/2030", "", "DISIS-2023-001", "Group 2", "ER/NR"],
    ["GEN-2024-007", "Caddo", "OK", "AEP", "", "100", "100", "100", "Hybrid", "Solar/Battery", "2/15/2024", "Anadarko 138kV",
     "IA PENDING", "", "12/1/2029", "", "DISIS-2024-001", "Group 1", "ER"],
    ["GEN-2025-019", "Beckham", "OK", "WFEC", "", "75", "75", "75", "Wind", "Wind", "1/31/2025", "Elk City 138kV",
     "None", "", "6/1/2031", "", "", "", "ER"],
]

SPP_WITHDRAWN_HEADER = SPP_HEADER + ["Date Withdrawn"]
SPP_WITHDRAWN = [
    ["GEN-2016-041", "Texas County", "OK", "OG&E", "", "400", "400", "400", "Wind", "Wind", "9/30/2016", "Hitchland 345kV",
     "WITHDRAWN", "", "12/31/2019", "", "DISIS-2016-002", "Group 4", "ER", "5/14/2018"],
]

MISO_PROJECTS = [
    {"projectNumber": "J1520", "county": "Lyon", "state": "MN", "transmissionOwner": "Xcel Energy", "poiName": "Lyon County 345kV",
     "queueDate": "2020-07-31T00:00:00", "withdrawnDate": None, "doneDate": None, "applicationStatus": "Active",
     "summerNetMW": 200.0, "winterNetMW": 200.0, "fuelType": "Wind", "facilityType": "Wind Turbine",
     "inService": "2026-12-01T00:00:00", "studyCycle": "DPP-2020-Cycle", "studyGroup": "West", "studyPhase": "Phase III"},
    {"projectNumber": "J1733", "county": "Linn", "state": "IA", "transmissionOwner": "ITC Midwest", "poiName": "Hills 345kV",
     "queueDate": "2021-09-15T00:00:00", "withdrawnDate": None, "doneDate": "2025-10-03T00:00:00", "applicationStatus": "Done",
     "summerNetMW": 150.0, "winterNetMW": 150.0, "fuelType": "Solar", "facilityType": "Photovoltaic",
     "inService": "2025-09-01T00:00:00", "studyCycle": "DPP-2021-Cycle", "studyGroup": "West", "studyPhase": "GIA"},
    {"projectNumber": "J1855", "county": "Tippecanoe", "state": "IN", "transmissionOwner": "Duke Energy Indiana", "poiName": "Cayuga 345kV",
     "queueDate": "2022-09-15T00:00:00", "withdrawnDate": "2024-02-20T00:00:00", "doneDate": None, "applicationStatus": "Withdrawn",
     "summerNetMW": 250.0, "winterNetMW": 250.0, "fuelType": "Battery Storage", "facilityType": "Battery",
     "inService": "2027-06-01T00:00:00", "studyCycle": "DPP-2022-Cycle", "studyGroup": "Central", "studyPhase": "Phase I"},
    {"projectNumber": "J2301", "county": "Calcasieu", "state": "LA", "transmissionOwner": "Entergy Louisiana", "poiName": "Nelson 500kV",
     "queueDate": "2023-10-02T00:00:00", "withdrawnDate": None, "doneDate": None, "applicationStatus": "Active",
     "summerNetMW": 1200.0, "winterNetMW": 1250.0, "fuelType": "Gas", "facilityType": "Combined Cycle",
     "inService": "2030-06-01T00:00:00", "studyCycle": "DPP-2023-Cycle", "studyGroup": "South", "studyPhase": "Phase I"},
]


def spp_csv(header, rows):
    buffer = io.StringIO()
    buffer.write("Last Updated On, 10/1/2026\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def files():
    """(relative file, url, query, sample_of, format, text) of each sample."""
    return [
        (SPP_ACTIVE_FILE, SPP_ACTIVE_URL, {}, sample_of("SPP active generator interconnection requests", "SPP", SPP_PAGE),
         "spp", spp_csv(SPP_HEADER, SPP_ACTIVE)),
        (SPP_WITHDRAWN_FILE, SPP_WITHDRAWN_URL, {}, sample_of("SPP withdrawn generator interconnection requests", "SPP", SPP_PAGE),
         "spp", spp_csv(SPP_WITHDRAWN_HEADER, SPP_WITHDRAWN)),
        (MISO_FILE, MISO_URL, {}, sample_of("MISO generator interconnection queue (queue API)", "MISO",
                                            "https://www.misoenergy.org/planning/generator-interconnection/GI_Queue/"),
         "miso", json.dumps(MISO_PROJECTS, indent=1) + "\n"),
    ]
