namespace AiEnergyPipeline.Sources.Queues;

/// <summary>The layouts of interconnection queue files that the queues source reads.</summary>
public enum QueueFileFormat
{
    /// <summary>LBNL "Queued Up" workbook (.xlsx): every US queue, one row per request, snake_case columns.</summary>
    Lbnl,

    /// <summary>One ISO's queue as a CSV in the columns gridstatus normalises every ISO to.</summary>
    Gridstatus,

    /// <summary>PJM's queue workbook (.xlsx), as its interconnection queues page exports it.</summary>
    Pjm,

    /// <summary>CAISO's public queue report workbook (.xlsx): active, completed and withdrawn sheets.</summary>
    Caiso,

    /// <summary>NYISO's interconnection queue workbook (.xlsx): active, cluster, withdrawn and in-service sheets.</summary>
    Nyiso,

    /// <summary>ERCOT's monthly Generator Interconnection Status (GIS) report workbook (.xlsx).</summary>
    Ercot,

    /// <summary>SPP's generator interconnection requests (.csv): the summary of active and withdrawn ones (the default), the active ones, or a file of withdrawn ones.</summary>
    Spp,

    /// <summary>MISO's generator interconnection queue as its queue API answers it (.json).</summary>
    Miso,

    /// <summary>ISO-NE's interconnection request queue as its IRTT report exports it (.xlsx).</summary>
    Isone,
}
