namespace AiEnergyPipeline.Sources.Queues;

/// <summary>
/// The ISOs' own queue files: the region each holds and where each ISO publishes it. The defaults
/// are the downloads gridstatus (github.com/gridstatus/gridstatus) reads in each ISO's
/// get_raw_interconnection_queue / get_interconnection_queue, as its source stood at the commits
/// named below; they were read there, not fetched from here (this was written offline), and ISOs
/// move their files without notice: a failing default fails that ISO alone, and a setting
/// (<c>Sources:Queues:Files:{i}:Url</c>) replaces it.
/// </summary>
public static class IsoQueueFormats
{
    /// <summary>
    /// PJM's queue export, as its interconnection queues page downloads it (gridstatus/pjm.py,
    /// get_raw_interconnection_queue, commit aa2d52ec): it answers only a POST with the header
    /// api-subscription-key (PJM's public key, which its page's JavaScript carries; the setting
    /// <see cref="QueuesOptions.PjmSubscriptionKeySetting"/>) and Origin/Referer www.pjm.com, which a
    /// pjm entry sends by default (<see cref="PjmOrigin"/>). Columns: "Project ID" (once "Queue
    /// Number"), "Submitted Date" (once "Queue Date"), MFO, Status.
    /// </summary>
    public const string DefaultPjmUrl = "https://services.pjm.com/PJMPlanningApi/api/Queue/ExportToXls";

    /// <summary>
    /// CAISO's public queue report (gridstatus/caiso/caiso.py, get_raw_interconnection_queue, commit
    /// 00dfd245, which asks for it over http; the same path over https here). Three title rows above
    /// the header, legend rows below the data; sheets "Grid GenerationQueue", "Completed Generation
    /// Projects" and "Withdrawn Generation Projects" (whose name column is "Project Name - Confidential");
    /// header cells carry line breaks ("Current\nOn-line Date").
    /// </summary>
    public const string DefaultCaisoUrl = "https://www.caiso.com/PublishedDocuments/PublicQueueReport.xlsx";

    /// <summary>
    /// NYISO's queue workbook (gridstatus/nyiso.py, get_raw_interconnection_queue, commit 00cfe707):
    /// sheets "Interconnection Queue", "Withdrawn" (no withdrawal date: gridstatus takes "Last
    /// Update") and "In Service" (a header of two rows), besides cluster-study tabs.
    /// </summary>
    public const string DefaultNyisoUrl = "https://www.nyiso.com/documents/20142/1407078/NYISO-Interconnection-Queue.xlsx";

    /// <summary>
    /// SPP's summary of generator interconnection requests, active and withdrawn in one CSV (status
    /// WITHDRAWN, column "Date Withdrawn"), a "Last Updated On" line above the header
    /// (gridstatus/spp.py, get_raw_interconnection_queue, commit f797c76d; earlier gridstatus read
    /// the active requests alone, https://opsportal.spp.org/Studies/GenerateActiveCSV, in the same
    /// layout). A file of withdrawn requests alone, as the bundled sample's (at a reserved example
    /// host, https://spp.example/Studies/GenerateWithdrawnCSV) imitates, is read too where an entry
    /// names one, but no source found shows SPP publishing one.
    /// </summary>
    public const string DefaultSppUrl = "https://opsportal.spp.org/Studies/GenerateSummaryCSV";

    /// <summary>
    /// MISO's queue API, JSON (gridstatus/miso.py, get_interconnection_queue, commit 00e769b4):
    /// projectNumber, applicationStatus, queueDate, withdrawnDate, negInService (the proposed date),
    /// summerNetMW and winterNetMW (gridstatus takes the larger). It refuses requests without a
    /// User-Agent, which this source sends.
    /// </summary>
    public const string DefaultMisoUrl = "https://www.misoenergy.org/api/giqueue/getprojects";

    /// <summary>
    /// ISO-NE's IRTT queue report page, one HTML table (id "publicqueue", about 1,750 requests),
    /// as gridstatus's current code reads it (gridstatus/isone.py, get_raw_interconnection_queue,
    /// commit deb63211): only the page has the one-letter Status (A, W, C) and the Jurisdiction, and
    /// the study columns (FS, SIS, OS, FAC, IA) are icons titled with their state. The site first
    /// answers 302 with a cookie (AspxAutoDetectCookieSupport=1) and the same page's address with
    /// ?AspxAutoDetectCookieSupport=1, and serves the page when the cookie comes back: the queues
    /// client keeps cookies along a request's redirects (<see cref="Fetch.RedirectCookiesHandler"/>).
    /// The page's export (<see cref="IsoNeExportPath"/>, .xlsx) wants that session's cookie and a
    /// ReportDate in .NET ticks that the page's JavaScript sets (gridstatus's earlier code hard-coded
    /// one): an entry may still name the export, and is read as a workbook. Written offline: no
    /// request to ISO-NE was possible from here, the page's layout is as gridstatus reads it and as
    /// its columns were noted in October 2026.
    /// </summary>
    public const string DefaultIsoNeUrl = "https://irtt.iso-ne.com/reports/external";

    /// <summary>The path of the IRTT page's .xlsx export (https://irtt.iso-ne.com/reports/exportpublicqueue?ReportDate=...&amp;Status=&amp;Jurisdiction=).</summary>
    public const string IsoNeExportPath = "/reports/exportpublicqueue";

    /// <summary>Whether a URL is ISO-NE's .xlsx export rather than its page: only to name the archived file (.xlsx or .html).</summary>
    public static bool IsIsoNeExport(Uri url) =>
        url.AbsolutePath.TrimEnd('/').EndsWith(IsoNeExportPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Origin PJM's export expects (its own page's); the Referer is this with a trailing slash.</summary>
    public const string PjmOrigin = "https://www.pjm.com";

    /// <summary>The header that carries PJM's subscription key.</summary>
    public const string PjmKeyHeader = "api-subscription-key";

    /// <summary>
    /// ERCOT's list of the documents of report type 15933, its monthly GIS report, as JSON
    /// (gridstatus/ercot.py, GIS_REPORT_RTID and _get_document: ListDocsByRptTypeRes.DocumentList[].Document,
    /// each with DocID, ConstructedName, FriendlyName and PublishDate). Each month's workbook has a
    /// document id of its own, so an ERCOT entry without a Url looks up the newest GIS report here
    /// and downloads it from <see cref="ErcotDownloadUrlOf"/>.
    /// </summary>
    public const string DefaultErcotDocumentListUrl = "https://www.ercot.com/misapp/servlets/IceDocListJsonWS?reportTypeId=15933";

    /// <summary>
    /// Whether a URL is ERCOT's document list service (its path ends in IceDocListJsonWS, as
    /// <see cref="DefaultErcotDocumentListUrl"/>'s does), in which the report is looked up, rather than the report itself.
    /// </summary>
    public static bool IsErcotDocumentList(Uri url) =>
        url.AbsolutePath.TrimEnd('/').EndsWith("/IceDocListJsonWS", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where ERCOT serves one document, by its id (gridstatus/ercot.py, the mirDownload address).</summary>
    public static Uri ErcotDownloadUrlOf(Uri documentList, string docId) =>
        new(documentList, $"/misdownload/servlets/mirDownload?doclookupId={Uri.EscapeDataString(docId)}");

    public static string? RegionOf(QueueFileFormat format) => format switch
    {
        QueueFileFormat.Pjm => "PJM",
        QueueFileFormat.Caiso => "CAISO",
        QueueFileFormat.Nyiso => "NYISO",
        QueueFileFormat.Ercot => "ERCOT",
        QueueFileFormat.Spp => "SPP",
        QueueFileFormat.Miso => "MISO",
        QueueFileFormat.Isone => "ISO-NE",
        _ => null,
    };

    public static bool IsIsoFile(QueueFileFormat format) => RegionOf(format) is not null;

    /// <summary>
    /// The ISO's current public download; for ERCOT, the list its newest GIS report is found in
    /// (sheet "Project Details - Large Gen" below about 30 rows of notes; gridstatus takes the newest
    /// document whose name holds "GIS_Report").
    /// </summary>
    public static string? DefaultUrlOf(QueueFileFormat format) => format switch
    {
        QueueFileFormat.Pjm => DefaultPjmUrl,
        QueueFileFormat.Caiso => DefaultCaisoUrl,
        QueueFileFormat.Nyiso => DefaultNyisoUrl,
        QueueFileFormat.Spp => DefaultSppUrl,
        QueueFileFormat.Miso => DefaultMisoUrl,
        QueueFileFormat.Isone => DefaultIsoNeUrl,
        QueueFileFormat.Ercot => DefaultErcotDocumentListUrl,
        _ => null,
    };
}
