namespace AiEnergyPipeline.Sources.Queues;

/// <summary>The ISOs' own queue files: the region each holds and where each ISO publishes it.</summary>
public static class IsoQueueFormats
{
    /// <summary>
    /// PJM's queue export, as its interconnection queues page downloads it. PJM answers it to a
    /// POST carrying the page's subscription header, which this source does not send: a live run
    /// needs a URL that serves the workbook to a GET (a mirror, or a recorded snapshot).
    /// </summary>
    public const string DefaultPjmUrl = "https://services.pjm.com/PJMPlanningApi/api/Queue/ExportToXls";

    public const string DefaultCaisoUrl = "https://www.caiso.com/PublishedDocuments/PublicQueueReport.xlsx";

    public const string DefaultNyisoUrl = "https://www.nyiso.com/documents/20142/1407078/NYISO-Interconnection-Queue.xlsx";

    /// <summary>SPP's active requests; withdrawn requests need an entry of their own with that file's URL.</summary>
    public const string DefaultSppUrl = "https://opsportal.spp.org/Studies/GenerateActiveCSV";

    /// <summary>MISO's queue API; it refuses requests without a User-Agent, which this source sends.</summary>
    public const string DefaultMisoUrl = "https://www.misoenergy.org/api/giqueue/getprojects";

    /// <summary>
    /// ISO-NE's queue export. Its page adds ReportDate (the report day in .NET ticks) and answers
    /// after a visit to irtt.iso-ne.com/reports/external has set a session cookie, which this source
    /// does not make: a live run may need the export's full address from that page.
    /// </summary>
    public const string DefaultIsoNeUrl = "https://irtt.iso-ne.com/reports/exportpublicqueue?Status=&Jurisdiction=";

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

    /// <summary>The ISO's current public download; null for ERCOT, whose monthly report has a new document id each month.</summary>
    public static string? DefaultUrlOf(QueueFileFormat format) => format switch
    {
        QueueFileFormat.Pjm => DefaultPjmUrl,
        QueueFileFormat.Caiso => DefaultCaisoUrl,
        QueueFileFormat.Nyiso => DefaultNyisoUrl,
        QueueFileFormat.Spp => DefaultSppUrl,
        QueueFileFormat.Miso => DefaultMisoUrl,
        QueueFileFormat.Isone => DefaultIsoNeUrl,
        _ => null,
    };
}
