using AiEnergyPipeline.Fetch;
using AiEnergyPipeline.Sources;
using AiEnergyPipeline.Sources.Queues;
using AiEnergyPipeline.Sources.Queues.Iso;
using System.Net;

namespace AiEnergyPipeline.Tests.Sources.Queues.Iso;

/// <summary>ISO-NE's IRTT queue page as tests write it: a legend table, then the table "publicqueue", one row a line.</summary>
internal static class IsoNePages
{
    /// <summary>The page's columns, as noted in October 2026 ("SIS" twice).</summary>
    public static readonly string[] Header =
    [
        "Cluster", "QP", "Updated", "Type", "Requested", "Alternative Name", "Unit", "Fuel Type", "Net MW", "Summer MW", "Winter MW",
        "County", "ST", "Op Date", "Sync Date", "W/D Date", "POI", "Serv", "SIS", "I39", "TO Report", "Dev", "Zone", "FS", "SIS", "OS",
        "FAC", "IA", "Project Status", "Status", "Jurisdiction",
    ];

    /// <summary>A row under <see cref="Header"/>; a cell written "img:Title" is an icon titled so.</summary>
    public static string[] Row(string qp, string name, string projectStatus, string status, string type = "G", string withdrawn = "", string fuel = "WND", string unit = "WT", string netMw = "400") =>
    [
        "", qp, "9/1/2026", type, "11/2/2015", name, unit, fuel, netMw, netMw, netMw, "Barnstable", "MA", "3/1/2027", "11/1/2026", withdrawn,
        "Sample 345 kV", "NR", "4/1/2019", "No", "Sample TO", "Sample Developer", "SEMA", "img:Executed", "img:In Progress", "img:Not Required",
        "img:Not Started", "img:Not Started", projectStatus, status, "ISO",
    ];

    /// <summary>The page: <paramref name="titleRows"/> (one cell spanning the table each) and the header in the thead, the rows in the tbody.</summary>
    public static string Page(IReadOnlyList<string> header, IEnumerable<string[]> rows, string tableId = IsoHtmlPage.QueueTableId, params string[] titleRows)
    {
        var lines = new List<string>
        {
            "<!DOCTYPE html>",
            "<html><head><title>SAMPLE queue page (test)</title></head><body>",
            "<table class=\"legend\"><tr><td><img title=\"Executed\" src=\"x.png\"></td><td>Executed</td></tr></table>",
            $"<table id=\"{tableId}\">",
            "<thead>",
        };
        lines.AddRange(titleRows.Select(t => $"<tr><th colspan=\"{header.Count}\">{WebUtility.HtmlEncode(t)}</th></tr>"));
        lines.Add("<tr>" + string.Concat(header.Select(h => $"<th>{WebUtility.HtmlEncode(h)}</th>")) + "</tr>");
        lines.Add("</thead>");
        lines.Add("<tbody>");
        lines.AddRange(rows.Select(r => "<tr>" + string.Concat(r.Select(Cell)) + "</tr>"));
        lines.Add("</tbody></table></body></html>");
        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The line of the page the first data row is on (after the legend, the table's tags, the title rows and the header).</summary>
    public static int FirstDataLine(int titleRows) => 9 + titleRows;

    public static (List<QueueProject> Projects, List<QuarantineRecord> Quarantine) Read(string page, string fileName = "isone_external.html")
    {
        var file = QueueSamples.Text(fileName, page);
        return Read(file);
    }

    /// <summary>Reads a file as an ISO-NE entry does: its kind (page or workbook) told by its content.</summary>
    public static (List<QueueProject> Projects, List<QuarantineRecord> Quarantine) Read(FetchedFile file)
    {
        var quarantine = new List<QuarantineRecord>();
        var projects = IsoQueueReader.Read(file, IsoWorkbook.SheetsOf(file, QueueFileFormat.Isone), IsoWorkbook.LayoutOf(QueueFileFormat.Isone), quarantine.Add).ToList();
        return (projects, quarantine);
    }

    private static string Cell(string value) =>
        value.StartsWith("img:", StringComparison.Ordinal)
            ? $"<td><img src=\"/Content/images/icon.png\" title=\"{WebUtility.HtmlEncode(value[4..])}\" alt=\"\" /></td>"
            : $"<td>{WebUtility.HtmlEncode(value)}</td>";
}
