"""The ISOs' own queue files for the bundled snapshot, each in its ISO's layout, with invented projects.

Imported by make_queues_snapshot.py, which writes them with its workbook writer. Each file carries
the quirks its ISO's real file has, so that the offline run exercises the adapters:
  - PJM: one sheet, every project's fate in Status: Active, In Service, Deactivated (built, then
    retired), "Partially in Service - Under Construction", Withdrawn, Suspended, Retracted,
    "Engineering and Procurement"; MFO as capacity; dates as date cells and as text.
  - CAISO: three sheets (active, completed, withdrawn), three title rows above a header whose cells
    hold line breaks, a legend below the data, two phases sharing one queue position.
  - NYISO: active, cluster, withdrawn and in-service sheets; numeric status codes (S); type codes
    (S, ES, W, CC); month-year proposed dates ("2027/06"); the in-service sheet's header split over
    two rows.
  - ISO-NE: the IRTT report page (HTML, not a workbook), written by queues_isone_page.py.
  - ERCOT: the GIS report's notes sheets, then "Project Details - Large Gen" below title rows,
    no status column (fate from the milestone dates), "Inactive Projects" and "Cancellation Update".
"""
import datetime as dt

import queues_isone_page

EXCEL_EPOCH = dt.date(1899, 12, 30)

PJM_URL = "https://services.pjm.com/PJMPlanningApi/api/Queue/ExportToXls"
CAISO_URL = "https://www.caiso.com/PublishedDocuments/PublicQueueReport.xlsx"
NYISO_URL = "https://www.nyiso.com/documents/20142/1407078/NYISO-Interconnection-Queue.xlsx"
# ERCOT serves each month's report under a document id of its own: the sample's is invented, so it is
# asked for at a name reserved for examples, with the path and query of ERCOT's download address.
ERCOT_URL = "https://ercot.example/misdownload/servlets/mirDownload"
ERCOT_QUERY = {"doclookupId": "1100000001"}

PJM_FILE = "pjm/pjm_ExportToXls.xlsx"
CAISO_FILE = "caiso/PublicQueueReport.xlsx"
NYISO_FILE = "nyiso/NYISO-Interconnection-Queue.xlsx"
ERCOT_FILE = "ercot/GIS_Report_October2026.xlsx"


def pjm_sheets(D):
    header = ["Project ID", "Name", "Commercial Name", "State", "County", "Status", "Transmission Owner", "MFO",
              "MW Energy", "MW Capacity", "MW In Service", "Fuel", "Submitted Date", "Projected In Service Date",
              "Revised In Service Date", "Actual In Service Date", "Withdrawal Date"]
    rows = [
        ["AE1-101", "Laurel Ridge Solar", "Laurel Ridge", "PA", "Fulton", "Active", "PPL", 150.0, 150.0, 60.0, None,
         "Solar", D(2018, 10, 31), D(2025, 6, 1), D(2027, 6, 1), None, None],
        ["AB2-045", "Susquehanna Gas Uprate", None, "PA", "Luzerne", "In Service", "PPL", 95.0, 95.0, 95.0, 95.0,
         "Natural Gas", D(2016, 3, 31), D(2019, 6, 1), None, D(2019, 11, 20), None],
        ["Z1-077", "Tidewater Coal 3", None, "VA", "Chesapeake", "Deactivated", "Dominion", 220.0, 220.0, 220.0, 220.0,
         "Coal", D(2003, 5, 30), D(2006, 6, 1), None, D(2006, 9, 1), None],
        ["AC1-210", "Allegheny Wind", "Allegheny Wind Farm", "WV", "Grant", "Partially in Service - Under Construction",
         "APS", 180.0, 180.0, 27.0, 90.0, "Wind", D(2016, 9, 30), D(2021, 12, 1), "12/1/2026", None, None],
        ["AD2-113", "Maumee River Storage", None, "OH", "Lucas", "Withdrawn", "ATSI", 100.0, 100.0, 100.0, None,
         "Storage", D(2018, 3, 31), D(2022, 6, 1), None, None, D(2021, 8, 16)],
        ["AF1-290", "Pinelands Solar", None, "NJ", "Burlington", "Suspended", "JCP&L", 75.5, 75.5, 30.0, None,
         "Solar; Storage", D(2019, 9, 30), D(2024, 12, 1), "2028-05-01", None, None],
        ["AG1-333", "Chesapeake Bay Offshore", None, "MD", "Worcester", "Engineering and Procurement", "Delmarva",
         1100.0, 1100.0, 300.0, None, "Offshore Wind", D(2020, 6, 30), D(2027, 12, 1), D(2029, 12, 1), None, None],
        ["AH2-010", "Kankakee Peaker", None, "IL", "Kankakee", "Retracted", "ComEd", 300.0, 300.0, 300.0, None,
         "Natural Gas", D(2022, 2, 28), D(2026, 6, 1), None, None, D(2022, 5, 2)],
        ["AE2-150", "Blue Grass Battery", None, "KY", "Boone", "Under Construction", "EKPC", 50.0, 50.0, 50.0, None,
         "Storage", D(2018, 12, 31), D(2023, 6, 1), D(2026, 3, 1), None, None],
    ]
    return [("Queue", [header] + rows)]


CAISO_TITLE = [
    ["CALIFORNIA ISO"],
    ["Interconnection Queue Report (written by AiEnergyPipeline; the projects are invented)"],
    ["As of 10/01/2026"],
]

CAISO_ACTIVE_HEADER = [
    "Project Name", "Queue Position", "Interconnection Request\nReceive Date", "Queue Date", "Application Status",
    "Study\nProcess", "Type-1", "Type-2", "Type-3", "Fuel-1", "Fuel-2", "Fuel-3", "MW-1", "MW-2", "MW-3",
    "Net MWs to Grid", "Full Capacity, Partial or Energy Only (FC/P/EO)", "County", "State", "Utility",
    "PTO Study Region", "Station or Transmission Line", "Proposed\nOn-line Date\n(as filed with IR)",
    "Current\nOn-line Date", "Interconnection Agreement \nStatus",
]

CAISO_LEGEND = [
    ["Legend:"],
    ["FC = Full Capacity; P = Partial Capacity; EO = Energy Only"],
    ["Queue Date is the date the interconnection request was deemed complete."],
]


def caiso_sheets(D):
    active = [
        ["Mesa Ridge Solar Phase I", "1502", D(2021, 4, 12), D(2021, 4, 15), "ACTIVE", "Cluster 14", "Photovoltaic", "Storage",
         None, "Solar", "Battery", None, 200.0, 100.0, None, 200.0, "FC", "KERN", "CA", "SCE", "East Kern",
         "Windhub 230kV", D(2025, 12, 31), D(2027, 6, 30), "Executed"],
        ["Mesa Ridge Solar Phase II", "1502", D(2021, 4, 12), D(2021, 4, 15), "ACTIVE", "Cluster 14", "Photovoltaic", None,
         None, "Solar", None, None, 150.0, None, None, 150.0, "EO", "KERN", "CA", "SCE", "East Kern",
         "Windhub 230kV", D(2026, 12, 31), D(2028, 6, 30), "In Progress"],
        ["Delta Breeze Storage", "1733", D(2023, 4, 10), D(2023, 4, 14), "ACTIVE", "Cluster 15", "Storage", None, None,
         "Battery", None, None, 300.0, None, None, 300.0, "FC", "SOLANO", "CA", "PG&E", "Greater Bay Area",
         "Vaca Dixon 230kV", D(2027, 6, 1), "2028-06-01", "Not Started"],
    ]
    completed_header = [c for c in CAISO_ACTIVE_HEADER if c != "Current\nOn-line Date"] + ["Actual\nOn-line Date"]
    completed = [
        ["Coso Geothermal Expansion", "0874", D(2014, 4, 1), D(2014, 4, 1), "COMPLETED", "Cluster 7", "Steam Turbine", None,
         None, "Geothermal", None, None, 40.0, None, None, 40.0, "FC", "INYO", "CA", "SCE", "North of Lugo",
         "Coso 115kV", D(2018, 12, 1), "Executed", D(2019, 3, 15)],
    ]
    withdrawn_header = ["Project Name - Confidential", "Queue Position", "Interconnection Request\nReceive Date", "Queue Date",
                        "Application Status", "Study\nProcess", "Type-1", "Fuel-1", "MW-1", "Net MWs to Grid", "County",
                        "State", "Utility", "Withdrawn Date", "Reason for Withdrawal"]
    withdrawn = [
        ["Imperial Sun Farm", "1310", D(2018, 4, 2), D(2018, 4, 13), "WITHDRAWN", "Cluster 11", "Photovoltaic", "Solar",
         250.0, 250.0, "IMPERIAL", "CA", "IID", D(2020, 9, 1), "Site control lost"],
        ["Palomar Peaker", "1188", D(2016, 4, 1), D(2016, 4, 15), "WITHDRAWN", "Cluster 9", "Combustion Turbine",
         "Natural Gas", 100.0, 100.0, "SAN DIEGO", "CA", "SDG&E", D(2017, 11, 30), "Customer request"],
    ]
    return [
        ("Grid GenerationQueue", CAISO_TITLE + [CAISO_ACTIVE_HEADER] + active + [[]] + CAISO_LEGEND),
        ("Completed Generation Projects", CAISO_TITLE + [completed_header] + completed + [[], ["Legend: see the Grid GenerationQueue sheet"]]),
        ("Withdrawn Generation Projects", CAISO_TITLE + [withdrawn_header] + withdrawn + [[], ["Legend: see the Grid GenerationQueue sheet"]]),
    ]


NYISO_HEADER = ["Queue Pos.", "Owner/Developer", "Project Name", "Date of IR", "SP (MW)", "WP (MW)", "Type/ Fuel", "County",
                "State", "Z", "Interconnection Point", "Utility", "S", "Last Update", "Availability of Studies",
                "Proposed In-Service Date", "Proposed COD"]


def nyiso_sheets(D):
    active = [
        ["1021", "Hudson Sun LLC", "Catskill Solar", D(2020, 8, 3), 100.0, 100.0, "S", "Greene", "NY", "G", "Leeds 345kV",
         "Central Hudson", 11.0, D(2026, 9, 30), "SIS, FS", "2026/12", "2027/06"],
        ["1098", "Empire Storage Co", "Astoria Battery", D(2021, 2, 1), 200.0, 200.0, "ES", "Queens", "NY", "J",
         "Astoria East 138kV", "ConEd", 12.0, D(2026, 9, 30), "SIS", D(2026, 5, 1), D(2026, 11, 1)],
        ["1177", "Lake Erie Wind LLC", "Chautauqua Wind", D(2021, 9, 15), 120.0, 120.0, "W", "Chautauqua", "NY", "A",
         "Dunkirk 115kV", "National Grid", 5.0, D(2026, 9, 30), None, "2028/09", "2028/12"],
    ]
    cluster = [
        ["C24-014", "Finger Lakes Solar LLC", "Seneca Solar", D(2024, 5, 1), 80.0, 80.0, "S", "Seneca", "NY", "C",
         "Geneva 115kV", "NYSEG", None, D(2026, 9, 30), None, None, "2029/06"],
    ]
    withdrawn = [
        ["0845", "North Country Gas", "Massena Peaker", D(2018, 6, 1), 350.0, 380.0, "CC", "St. Lawrence", "NY", "D",
         "Massena 230kV", "NYPA", 5.0, D(2022, 3, 14), None, "2023/06", "2023/12"],
    ]
    in_service_top = ["Queue", None, None, "Date", "SP", "WP", "Type/", "Location", None, "Z", "Interconnection", None, None,
                      "Last Update", "Availability", "Proposed", None]
    in_service_bottom = ["Pos.", "Owner/Developer", "Project Name", "of IR", "(MW)", "(MW)", "Fuel", "County", "State", None,
                         "Point", "Utility", "S", None, "of Studies", "In-Service", "COD"]
    in_service = [
        ["0612", "Adirondack Hydro", "Saranac Hydro Upgrade", D(2016, 1, 4), 12.0, 12.0, "H", "Clinton", "NY", "D",
         "Saranac 46kV", "NYSEG", 14.0, D(2019, 7, 1), "SRIS", D(2019, 5, 1), D(2019, 6, 1)],
    ]
    return [
        ("Interconnection Queue", [NYISO_HEADER] + active),
        ("Cluster Projects", [NYISO_HEADER] + cluster),
        ("Withdrawn", [NYISO_HEADER] + withdrawn),
        ("In Service", [in_service_top, in_service_bottom] + in_service),
    ]


ERCOT_HEADER = ["INR", "Project Name", "GIM Study Phase", "Interconnecting Entity", "POI Location", "County",
                "CDR Reporting Zone", "Projected COD", "Fuel", "Technology", "Capacity (MW)", "Screening Study Started",
                "Screening Study Complete", "FIS Requested", "FIS Approved", "Economic Study Required", "IA Signed",
                "Air Permit", "GHG Permit", "Water Availability", "Meets Planning", "Meets All Planning",
                "Construction Start", "Construction End", "Approved for Energization", "Approved for Synchronization",
                "Comment"]


def ercot_sheets(D):
    notes = [["Generator Interconnection Status Report (written by AiEnergyPipeline; the projects are invented)"],
             ["Report date: October 2026"], [],
             ["Projects are listed by INR (interconnection request) number."],
             ["A project's status is given by its milestone dates, not by a status column."]]
    large = [
        ["24INR0101", "Pecos Flats Solar", "FIS Completed", "Pecos Flats LLC", "Sand Lake 345kV", "Reeves", "WEST",
         D(2027, 3, 31), "SOL", "PV", 250.0, D(2023, 9, 12), D(2023, 12, 1), D(2023, 12, 5), D(2024, 11, 20), "N",
         D(2025, 2, 3), "N/A", "N/A", "N/A", "Y", "Y", None, None, None, None, None],
        ["23INR0222", "Gulf Coast Battery", "FIS Completed", "Gulf Coast Storage LLC", "Bailey 138kV", "Brazoria",
         "COASTAL", D(2026, 6, 30), "OTH", "BA", 180.0, D(2022, 5, 2), D(2022, 8, 1), D(2022, 8, 3), D(2023, 9, 15), "N",
         D(2023, 12, 4), "N/A", "N/A", "N/A", "Y", "Y", D(2024, 10, 1), None, D(2026, 5, 2), D(2026, 6, 18), None],
        ["25INR0307", "Lone Star Gas Peaker", "SS Completed, FIS Started, No IA", "Lone Star Peaking LLC",
         "Odessa 138kV", "Ector", "WEST", "06/30/2029", "GAS", "GT", 400.0, D(2024, 11, 4), D(2025, 2, 1), D(2025, 2, 10),
         None, "N", None, None, None, None, None, None, None, None, None, None, None],
        ["22INR0515", "Panhandle Wind III", "FIS Completed", "Panhandle Wind LLC", "Tule Canyon 345kV", "Briscoe",
         "PANHANDLE", D(2024, 12, 31), "WIN", "WT", 300.0, D(2021, 7, 1), D(2021, 9, 1), D(2021, 9, 2), D(2022, 6, 30),
         "N", D(2022, 10, 5), "N/A", "N/A", "N/A", "Y", "Y", D(2023, 3, 1), D(2024, 11, 1), D(2024, 11, 20),
         D(2024, 12, 10), "Synchronised, commercial operation pending"],
    ]
    inactive = [
        ["21INR0404", "Big Thicket Solar", "FIS Completed", "Big Thicket Solar LLC", "Jasper 138kV", "Jasper",
         "NORTH", D(2027, 12, 31), "SOL", "PV", 150.0, D(2020, 10, 1), D(2021, 1, 5), D(2021, 1, 6), D(2022, 2, 1), "N",
         None, "N/A", "N/A", "N/A", None, None, None, None, None, None, "Inactive per Planning Guide 5.2.7"],
    ]
    cancelled = [
        ["20INR0033", "Caprock Wind", "Cancelled", "Caprock Wind LLC", "Caprock 345kV", "Crosby", "PANHANDLE",
         D(2022, 12, 31), "WIN", "WT", 200.0, D(2019, 8, 1), D(2019, 11, 1), D(2019, 11, 2), None, "N", None, None, None,
         None, None, None, None, None, None, None, "Cancelled by the interconnecting entity"],
    ]
    title = [["Project Details - Large Generation (10 MW and above)"], ["Report date: October 2026"], []]
    return [
        ("Disclaimer", notes),
        ("Summary", [["Fuel", "Projects", "Capacity (MW)"], ["Solar", 1.0, 250.0], ["Wind", 1.0, 300.0]]),
        ("Project Details - Large Gen", title + [ERCOT_HEADER] + large),
        ("Inactive Projects", title + [ERCOT_HEADER] + inactive),
        ("Cancellation Update", title + [ERCOT_HEADER] + cancelled),
    ]


def sample_of(dataset, publisher, documentation_url):
    """What a sample imitates: the dataset, its publisher and the publisher's page that documents it (never a file)."""
    return {"dataset": dataset, "publisher": publisher, "documentation_url": documentation_url}


def files(D):
    """(relative file, url, query, sample_of, format, sheets or a page's text) of each ISO's sample."""
    return [
        (PJM_FILE, PJM_URL, {}, sample_of("PJM interconnection queue workbook", "PJM",
                                          "https://www.pjm.com/planning/service-requests/services-request-status"), "pjm", pjm_sheets(D)),
        (CAISO_FILE, CAISO_URL, {}, sample_of("CAISO Public Queue Report", "CAISO",
                                              "https://www.caiso.com/generation-transmission/generation/generator-interconnection"), "caiso", caiso_sheets(D)),
        (NYISO_FILE, NYISO_URL, {}, sample_of("NYISO Interconnection Queue workbook", "NYISO", "https://www.nyiso.com/interconnections"),
         "nyiso", nyiso_sheets(D)),
        (ERCOT_FILE, ERCOT_URL, ERCOT_QUERY, sample_of("ERCOT Generator Interconnection Status (GIS) report", "ERCOT",
                                                       "https://www.ercot.com/mp/data-products/data-product-details?id=PG7-200-ER"), "ercot", ercot_sheets(D)),
        # A page, not sheets: make_queues_snapshot.py writes its text as it is.
        (queues_isone_page.FILE, queues_isone_page.URL, {}, sample_of("ISO-NE interconnection request queue (IRTT report page)", "ISO-NE",
                                                                      "https://irtt.iso-ne.com/reports/external"), "isone",
         queues_isone_page.page()),
    ]
