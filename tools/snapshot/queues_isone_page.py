"""ISO-NE's queue for the bundled snapshot: a SAMPLE page in the layout of the IRTT report page.

Imported by queues_iso_samples.py. ISO-NE publishes its queue as one HTML page,
https://irtt.iso-ne.com/reports/external, whose table "publicqueue" has its header in a thead and
the columns below (as gridstatus/isone.py reads them, and as they were noted in October 2026), the
name "SIS" twice, a one-letter Status (A active, W withdrawn, C commercial) beside the detailed
Project Status, dates as m/d/yyyy text, and each study's state (FS, SIS, OS, FAC, IA) as an icon
titled with it. The page is written by this project, its projects invented (the same ones as the
earlier export sample), and its title, banner and table caption say SAMPLE; a legend table above the
queue, as the real page has, is not read.
"""
from xml.sax.saxutils import escape, quoteattr

URL = "https://irtt.iso-ne.com/reports/external"
FILE = "isone/isone_external.html"

HEADER = ["Cluster", "QP", "Updated", "Type", "Requested", "Alternative Name", "Unit", "Fuel Type", "Net MW",
          "Summer MW", "Winter MW", "County", "ST", "Op Date", "Sync Date", "W/D Date", "POI", "Serv", "SIS", "I39",
          "TO Report", "Dev", "Zone", "FS", "SIS", "OS", "FAC", "IA", "Project Status", "Status", "Jurisdiction"]


class Icon:
    """A study's state as the page shows it: an image titled with the state."""

    def __init__(self, title):
        self.title = title


def d(year, month, day):
    return f"{month}/{day}/{year}"


ROWS = [
    ["", "533", d(2026, 9, 1), "G", d(2015, 11, 2), "Nor'easter Wind Phase I", "WT", "WND", "400", "400", "400",
     "Barnstable", "MA", d(2027, 3, 1), d(2026, 11, 1), "", "Sample Substation A 345 kV", "NR", d(2019, 4, 1), "No",
     "Sample TO", "Sample Developer 1", "SEMA", Icon("Executed"), Icon("Executed"), Icon("Not Required"), Icon("Executed"),
     Icon("Executed"), "Under Construction", "A", "ISO"],
    ["", "533", d(2026, 9, 1), "G", d(2015, 11, 2), "Nor'easter Wind Phase II", "WT", "WND", "404", "404", "404",
     "Barnstable", "MA", d(2029, 6, 1), "", "", "Sample Substation A 345 kV", "NR", "", "No",
     "Sample TO", "Sample Developer 1", "SEMA", Icon("Executed"), Icon("In Progress"), Icon("Not Started"), Icon("Not Started"),
     Icon("Not Started"), "Under Study", "A", "ISO"],
    ["CSIS-2023", "1187", d(2026, 8, 15), "G", d(2023, 10, 2), "Merrimack Valley Storage", "BAT", "BAT", "150", "150", "150",
     "Essex", "MA", d(2028, 5, 1), "", "", "Sample Substation B 115 kV", "CNR", "", "No",
     "Sample TO", "Sample Developer 2", "NEMA", Icon("Not Required"), Icon("Interim Study"), Icon("Not Started"), Icon("Not Started"),
     Icon("Not Started"), "Suspended", "A", "ISO"],
    ["", "702", d(2024, 1, 10), "G", d(2018, 3, 5), "Aroostook Wind", "WT", "WND", "250", "250", "250",
     "Aroostook", "ME", d(2024, 1, 1), d(2023, 10, 1), "", "Sample Substation C 345 kV", "NR", d(2020, 2, 3), "Yes",
     "Sample TO", "Sample Developer 3", "ME", Icon("Executed"), Icon("Document Posted"), Icon("Not Required"), Icon("Executed"),
     Icon("Executed"), "Partially in Service", "A", "ISO"],
    ["", "614", d(2021, 6, 1), "G", d(2017, 2, 14), "Granite State Solar", "PV", "SUN", "80", "80", "80",
     "Merrimack", "NH", d(2021, 5, 15), d(2021, 4, 1), "", "Sample Substation D 115 kV", "CNR", d(2018, 9, 10), "No",
     "Sample TO", "Sample Developer 4", "NH", Icon("Executed"), Icon("Document Posted"), Icon("Not Required"), Icon("Executed"),
     Icon("Executed"), "In Service", "C", "ISO"],
    ["", "845", d(2022, 7, 1), "G", d(2019, 5, 20), "Nutmeg Peaker", "CT", "NG", "300", "300", "310",
     "New Haven", "CT", d(2024, 6, 1), "", d(2022, 6, 30), "Sample Substation E 115 kV", "NR", "", "No",
     "Sample TO", "Sample Developer 5", "CT", Icon("Executed"), Icon("Not Started"), Icon("Not Started"), Icon("Not Started"),
     Icon("Not Started"), "", "W", "ISO"],
    ["", "910", d(2026, 2, 1), "TS", d(2020, 1, 6), "Clean Path Transmission", "", "", "1,200", "1,200", "1,200",
     "Hampden", "MA", d(2030, 1, 1), "", "", "Sample Substation F 345 kV", "", "", "No",
     "Sample TO", "Sample Developer 6", "WCMA", Icon("Not Required"), Icon("In Progress"), Icon("Not Started"), Icon("Not Started"),
     Icon("Not Started"), "Under Study", "A", "FERC"],
    ["", "1050", d(2026, 3, 2), "ETU", d(2021, 4, 12), "Sample Coastal HVDC Tie", "", "", "1,000", "1,000", "1,000",
     "Bristol", "MA", d(2031, 6, 1), "", "", "Sample Substation G 345 kV", "", "", "No",
     "Sample TO", "Sample Developer 7", "SEMA", Icon("Executed"), Icon("In Progress"), Icon("Not Started"), Icon("Not Started"),
     Icon("Not Started"), "Under Study", "A", "FERC"],
]

LEGEND = ["Under Study", "Under Construction", "Partially in Service", "In Service", "Suspended", "In Progress",
          "Document Posted", "Interim Study", "ISA Not Executed", "Not Required", "Not Started", "Executed"]


def cell(tag, value):
    if isinstance(value, Icon):
        slug = value.title.lower().replace(" ", "-")
        return f"<{tag}><img src=\"/Content/images/{slug}.png\" title={quoteattr(value.title)} alt=\"\" /></{tag}>"
    return f"<{tag}>{escape(value)}</{tag}>"


def page():
    """The page's text: the SAMPLE banner, the legend of study icons, then the queue table."""
    lines = [
        "<!DOCTYPE html>",
        "<html lang=\"en\">",
        "<head>",
        "    <meta charset=\"utf-8\" />",
        "    <title>SAMPLE - Interconnection Request Queue (written by AiEnergyPipeline; invented projects)</title>",
        "</head>",
        "<body>",
        "    <h1>SAMPLE: Interconnection Request Queue</h1>",
        "    <p class=\"sample\">SAMPLE written by AiEnergyPipeline in the layout of ISO-NE's IRTT queue page;"
        " the projects are invented, not ISO-NE's.</p>",
        "    <table class=\"legend\">",
        "        <tr>" + "".join(cell("td", Icon(t)) + f"<td>{escape(t)}</td>" for t in LEGEND[:6]) + "</tr>",
        "        <tr>" + "".join(cell("td", Icon(t)) + f"<td>{escape(t)}</td>" for t in LEGEND[6:]) + "</tr>",
        "    </table>",
        "    <table id=\"publicqueue\" class=\"table\">",
        "        <caption>SAMPLE queue (invented projects)</caption>",
        "        <thead>",
        "            <tr>" + "".join(cell("th", h) for h in HEADER) + "</tr>",
        "        </thead>",
        "        <tbody>",
    ]
    for row in ROWS:
        lines.append("            <tr>" + "".join(cell("td", v) for v in row) + "</tr>")
    lines += ["        </tbody>", "    </table>", "</body>", "</html>", ""]
    return "\n".join(lines)
